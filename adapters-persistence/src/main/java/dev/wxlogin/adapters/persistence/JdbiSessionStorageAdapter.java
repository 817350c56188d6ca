package dev.wxlogin.adapters.persistence;

import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.port.out.ForStoringSessions;
import dev.wxlogin.domain.session.EndReason;
import dev.wxlogin.domain.session.Session;
import dev.wxlogin.domain.session.SessionId;
import dev.wxlogin.domain.session.TokenHash;
import dev.wxlogin.domain.user.UserId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Sessions in {@code user_session}, found by the SHA-256 of their token, alone or with their user from {@code app_user};
 * a password session has no user_id nor app_id.
 */
public final class JdbiSessionStorageAdapter implements ForStoringSessions {
    private final Storage storage;
    private final RowMapper<SessionWithUser> sessionsWithUsers;
    /** What every authenticated request reads, kept where only this process writes (see {@link CachedReads}). */
    private final CachedReads<TokenHash, SessionWithUser> withUsers;

    /**
     * @param jdbi   the one {@link Database#jdbi()} all adapters share, so they join one transaction
     * @param cipher the {@link JdbiUserStorageAdapter}'s: a session's user, read with it, has their phone number
     *               opened as that adapter opens it
     */
    public JdbiSessionStorageAdapter(Jdbi jdbi, SessionKeyCipher cipher) {
        this.storage = new Storage(Objects.requireNonNull(jdbi, "jdbi"));
        this.sessionsWithUsers = SessionStatements.withUser(
                JdbiUserStorageAdapter.users(Objects.requireNonNull(cipher, "cipher"), SessionStatements.USER_OFFSET));
        this.withUsers = new CachedReads<>(jdbi, (hash, found) -> rowsOf(found));
    }

    /** The rows a session with its user was read from, by the keys their writes name to {@link RowChanges}. */
    private static List<String> rowsOf(SessionWithUser found) {
        Session session = found.session();
        return found.user()
                .map(user -> List.of(session.id().value(), session.accountId().value(), user.id().value(),
                        user.accountId().value()))
                .orElseGet(() -> List.of(session.id().value(), session.accountId().value()));
    }

    /** Times from a clock ahead of the database's are moved back, see {@link SessionStatements#INSERT}. */
    @Override
    public void insert(Session session) {
        long lifetime = Duration.between(session.createdAt(), session.expiresAt()).toMillis();
        storage.withHandle(handle -> handle.createUpdate(SessionStatements.INSERT)
                .bind("id", session.id().value())
                .bind("tokenHash", session.tokenHash().value())
                .bind("accountId", session.accountId().value())
                .bind("userId", session.userId().map(UserId::value).orElse(null))
                .bind("appId", session.appId().map(AppId::value).orElse(null))
                .bind("method", SessionStatements.column(session.method()))
                .bind("userAgent", session.client().userAgent())
                .bind("clientIp", session.client().ip())
                .bind("createdAt", session.createdAt().toEpochMilli())
                .bind("lastSeenAt", session.lastSeenAt().toEpochMilli())
                .bind("expiresAt", session.expiresAt().toEpochMilli())
                .bind("lifetime", lifetime)
                .bind("endedAt", session.endedAt().map(Instant::toEpochMilli).orElse(null))
                .bind("endReason", session.endReason().map(EndReason::name).orElse(null))
                .execute());
    }

    @Override
    public Optional<Session> findByTokenHash(TokenHash hash) {
        return storage.read(handle -> byTokenHash(handle.createQuery(SessionStatements.FIND_BY_TOKEN_HASH), hash)
                .map(SessionStatements.SESSIONS)
                .findOne());
    }

    @Override
    public Optional<SessionWithUser> findWithUser(TokenHash hash) {
        return withUsers.get(hash, () -> storage.read(handle ->
                byTokenHash(handle.createQuery(SessionStatements.FIND_WITH_USER), hash).map(sessionsWithUsers).findOne()));
    }

    /**
     * Binds the hash as CHAR, the type of token_hash: H2 compares a VARCHAR with it by converting both sides at every
     * step of its index search, a fifth of the lookup's CPU (docs/benchmarks.md).
     */
    private static Query byTokenHash(Query query, TokenHash hash) {
        return query.bindBySqlType("tokenHash", hash.value(), Types.CHAR);
    }

    @Override
    public List<Session> findLive(UserId user, Instant now, Instant idleCutoff) {
        return storage.read(handle -> live(handle, user, now.toEpochMilli(), idleCutoff.toEpochMilli()));
    }

    @Override
    public boolean touch(SessionId id, Instant now, Instant idleCutoff) {
        return storage.withHandle(handle -> changed(handle, id).createUpdate(SessionStatements.TOUCH)
                .bind("id", id.value())
                .bind("now", now.toEpochMilli())
                .bind("idleCutoff", idleCutoff.toEpochMilli())
                .execute()) > 0;
    }

    @Override
    public boolean end(SessionId id, EndReason reason, Instant now) {
        return storage.withHandle(handle -> changed(handle, id).createUpdate(SessionStatements.END)
                .bind("id", id.value())
                .bind("reason", reason.name())
                .bind("now", now.toEpochMilli())
                .execute()) > 0;
    }

    @Override
    public int endAll(UserId user, EndReason reason, Instant now, Instant idleCutoff) {
        long at = now.toEpochMilli();
        long cutoff = idleCutoff.toEpochMilli();
        return storage.withHandle(handle -> endLive(handle, live(handle, user, at, cutoff), reason, at, cutoff));
    }

    @Override
    public List<Session> findLiveOfAccount(AccountId account, Instant now, Instant idleCutoff) {
        return storage.read(handle -> liveOfAccount(handle, account, now.toEpochMilli(), idleCutoff.toEpochMilli()));
    }

    /** By the rule of {@link #endAll}: the live ones are picked first, so no expired row is locked. */
    @Override
    public int endAllOfAccount(AccountId account, Optional<SessionId> kept, EndReason reason, Instant now,
                               Instant idleCutoff) {
        long at = now.toEpochMilli();
        long cutoff = idleCutoff.toEpochMilli();
        return storage.withHandle(handle -> endLive(handle, liveOfAccount(handle, account, at, cutoff).stream()
                .filter(session -> !kept.equals(Optional.of(session.id()))).toList(), reason, at, cutoff));
    }

    private static int endLive(Handle handle, List<Session> live, EndReason reason, long now, long idleCutoff) {
        List<String> ids = live.stream().map(s -> s.id().value()).toList();
        return ids.isEmpty() ? 0 : handle.attach(SessionDao.class).endLive(changed(handle, ids), reason.name(), now,
                idleCutoff);
    }

    private static Handle changed(Handle handle, SessionId id) {
        RowChanges.changed(handle, id.value());
        return handle;
    }

    private static List<String> changed(Handle handle, List<String> ids) {
        RowChanges.changed(handle, ids.toArray(String[]::new));
        return ids;
    }

    private static List<Session> live(Handle handle, UserId user, long now, long idleCutoff) {
        return live(handle.createQuery(SessionStatements.FIND_LIVE).bind("userId", user.value()), now, idleCutoff);
    }

    private static List<Session> liveOfAccount(Handle handle, AccountId account, long now, long idleCutoff) {
        return live(handle.createQuery(SessionStatements.FIND_LIVE_OF_ACCOUNT).bind("accountId", account.value()), now,
                idleCutoff);
    }

    private static List<Session> live(Query query, long now, long idleCutoff) {
        return query.bind("now", now).bind("idleCutoff", idleCutoff).map(SessionStatements.SESSIONS).list();
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
            int deleted = deleteFound(handle, dao.findPastExpiry(at, limit), ids -> dao.deletePastExpiry(ids, at));
            if (deleted < limit) {
                deleted += deleteFound(handle, dao.findIdle(cutoff, limit - deleted), ids -> dao.deleteIdle(ids, cutoff));
            }
            return deleted;
        });
    }

    private static int deleteFound(Handle handle, List<String> ids, ToIntFunction<List<String>> delete) {
        return ids.isEmpty() ? 0 : delete.applyAsInt(changed(handle, ids));
    }
}
