package dev.wxlogin.adapters.persistence;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.port.out.ForStoringSessions;
import dev.wxlogin.domain.session.ClientInfo;
import dev.wxlogin.domain.session.EndReason;
import dev.wxlogin.domain.session.Session;
import dev.wxlogin.domain.session.SessionId;
import dev.wxlogin.domain.session.TokenHash;
import dev.wxlogin.domain.user.UserId;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToIntFunction;

/** Sessions in {@code user_session}, found by the SHA-256 of their token. */
public final class JdbiSessionStorageAdapter implements ForStoringSessions {
    private final Storage storage;

    /** @param jdbi the one {@link Database#jdbi()} all adapters share, so they join one transaction */
    public JdbiSessionStorageAdapter(Jdbi jdbi) {
        this.storage = new Storage(Objects.requireNonNull(jdbi, "jdbi"));
    }

    /** Times from a clock ahead of the database's are moved back, see {@link SessionDao#LATEST}. */
    @Override
    public void insert(Session session) {
        long lifetime = Duration.between(session.createdAt(), session.expiresAt()).toMillis();
        storage.useDao(SessionDao.class, dao -> dao.insert(toRow(session), lifetime));
    }

    @Override
    public Optional<Session> findByTokenHash(TokenHash hash) {
        return storage.withDao(SessionDao.class, dao -> dao.findByTokenHash(hash.value()))
                .map(JdbiSessionStorageAdapter::toSession);
    }

    @Override
    public List<Session> findLive(UserId user, Instant now, Instant idleCutoff) {
        return storage.withDao(SessionDao.class,
                        dao -> dao.findLive(user.value(), now.toEpochMilli(), idleCutoff.toEpochMilli()))
                .stream().map(JdbiSessionStorageAdapter::toSession).toList();
    }

    @Override
    public boolean touch(SessionId id, Instant now, Instant idleCutoff) {
        return storage.withDao(SessionDao.class,
                dao -> dao.touch(id.value(), now.toEpochMilli(), idleCutoff.toEpochMilli())) > 0;
    }

    @Override
    public boolean end(SessionId id, EndReason reason, Instant now) {
        return storage.withDao(SessionDao.class, dao -> dao.end(id.value(), reason.name(), now.toEpochMilli())) > 0;
    }

    @Override
    public int endAll(UserId user, EndReason reason, Instant now, Instant idleCutoff) {
        long at = now.toEpochMilli();
        long cutoff = idleCutoff.toEpochMilli();
        return storage.withDao(SessionDao.class, dao -> {
            List<String> live = dao.findLive(user.value(), at, cutoff).stream().map(SessionDao.Row::id).toList();
            return live.isEmpty() ? 0 : dao.endLive(live, reason.name(), at, cutoff);
        });
    }

    /**
     * One small batch as its own transaction (not the caller's): sessions past their absolute expiry
     * first, then, if the batch has room, idle ones. Each kind is picked by ids first, then just those
     * still dead are deleted. Portable (no DELETE ... LIMIT), each statement is served by one index, and
     * instances cleaning up at once only ever wait for each other's short batches.
     */
    @Override
    public int deleteExpired(Instant now, Instant idleCutoff, int limit) {
        long at = now.toEpochMilli();
        long cutoff = idleCutoff.toEpochMilli();
        return storage.batch(handle -> {
            SessionDao dao = handle.attach(SessionDao.class);
            int deleted = deleteFound(dao.findPastExpiry(at, limit), ids -> dao.deletePastExpiry(ids, at));
            if (deleted < limit) {
                deleted += deleteFound(dao.findIdle(cutoff, limit - deleted), ids -> dao.deleteIdle(ids, cutoff));
            }
            return deleted;
        });
    }

    private static int deleteFound(List<String> ids, ToIntFunction<List<String>> delete) {
        return ids.isEmpty() ? 0 : delete.applyAsInt(ids);
    }

    private static SessionDao.Row toRow(Session s) {
        return new SessionDao.Row(s.id().value(), s.tokenHash().value(), s.userId().value(), s.appId().value(),
                s.client().userAgent(), s.client().ip(), s.createdAt().toEpochMilli(), s.lastSeenAt().toEpochMilli(),
                s.expiresAt().toEpochMilli(), s.endedAt().map(Instant::toEpochMilli).orElse(null),
                s.endReason().map(EndReason::name).orElse(null));
    }

    private static Session toSession(SessionDao.Row r) {
        return new Session(new SessionId(r.id()), new TokenHash(r.tokenHash()), new UserId(r.userId()),
                new AppId(r.appId()), new ClientInfo(r.userAgent(), r.clientIp()), Instant.ofEpochMilli(r.createdAt()),
                Instant.ofEpochMilli(r.lastSeenAt()), Instant.ofEpochMilli(r.expiresAt()),
                Optional.ofNullable(r.endedAt()).map(Instant::ofEpochMilli),
                Optional.ofNullable(r.endReason()).map(EndReason::valueOf));
    }
}
