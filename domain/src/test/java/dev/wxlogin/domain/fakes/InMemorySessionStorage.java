package dev.wxlogin.domain.fakes;

import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.port.out.ForStoringSessions;
import dev.wxlogin.domain.session.EndReason;
import dev.wxlogin.domain.session.Session;
import dev.wxlogin.domain.session.SessionId;
import dev.wxlogin.domain.session.TokenHash;
import dev.wxlogin.domain.user.User;
import dev.wxlogin.domain.user.UserId;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** A {@link ForStoringSessions} in memory; every method is atomic. */
public final class InMemorySessionStorage implements ForStoringSessions, RollsBack {
    private final Map<SessionId, Session> sessions = new LinkedHashMap<>();
    private volatile Function<UserId, Optional<User>> users = id -> Optional.empty();

    /** Where {@link #findWithUser} finds a session's user: the users stored beside these sessions. */
    void joinsUsersOf(InMemoryUserStorage users) {
        this.users = users::findById;
    }

    @Override
    public synchronized Runnable snapshot() {
        Map<SessionId, Session> copy = new LinkedHashMap<>(sessions);
        return () -> {
            synchronized (this) {
                sessions.clear();
                sessions.putAll(copy);
            }
        };
    }

    @Override
    public synchronized void insert(Session session) {
        boolean clash = sessions.values().stream().anyMatch(s -> s.tokenHash().equals(session.tokenHash()));
        if (clash || sessions.containsKey(session.id())) {
            throw new IllegalStateException("duplicate session");
        }
        sessions.put(session.id(), session);
    }

    @Override
    public synchronized Optional<Session> findByTokenHash(TokenHash hash) {
        return sessions.values().stream().filter(s -> s.tokenHash().equals(hash)).findFirst();
    }

    /** The session, then its user: two steps where the database's join is one read. */
    @Override
    public Optional<SessionWithUser> findWithUser(TokenHash hash) {
        return findByTokenHash(hash).map(session -> new SessionWithUser(session, session.userId().flatMap(users)));
    }

    @Override
    public synchronized List<Session> findLive(UserId user, Instant now, Instant idleCutoff) {
        return sessions.values().stream()
                .filter(s -> s.userId().equals(Optional.of(user)) && live(s, now, idleCutoff))
                .sorted(Comparator.comparing(Session::createdAt).thenComparing(s -> s.id().value()))
                .toList();
    }

    @Override
    public synchronized boolean touch(SessionId id, Instant now, Instant idleCutoff) {
        Session s = sessions.get(id);
        if (s == null || !live(s, now, idleCutoff) || !s.lastSeenAt().isBefore(now)) {
            return false;
        }
        sessions.put(id, s.seenAt(now));
        return true;
    }

    @Override
    public synchronized boolean end(SessionId id, EndReason reason, Instant now) {
        Session s = sessions.get(id);
        if (s == null || s.endedAt().isPresent()) {
            return false;
        }
        sessions.put(id, s.ended(now, reason));
        return true;
    }

    @Override
    public synchronized int endAll(UserId user, EndReason reason, Instant now, Instant idleCutoff) {
        List<Session> live = findLive(user, now, idleCutoff);
        live.forEach(s -> sessions.put(s.id(), s.ended(now, reason)));
        return live.size();
    }

    @Override
    public synchronized List<Session> findLiveOfAccount(AccountId account, Instant now, Instant idleCutoff) {
        return sessions.values().stream()
                .filter(s -> s.accountId().equals(account) && live(s, now, idleCutoff))
                .sorted(Comparator.comparing(Session::createdAt).thenComparing(s -> s.id().value()))
                .toList();
    }

    @Override
    public synchronized int endAllOfAccount(AccountId account, Optional<SessionId> kept, EndReason reason, Instant now,
                                            Instant idleCutoff) {
        List<Session> ending = findLiveOfAccount(account, now, idleCutoff).stream()
                .filter(s -> !kept.equals(Optional.of(s.id()))).toList();
        ending.forEach(s -> sessions.put(s.id(), s.ended(now, reason)));
        return ending.size();
    }

    @Override
    public synchronized int deleteExpired(Instant now, Instant idleCutoff, int limit) {
        List<SessionId> dead = sessions.values().stream()
                .filter(s -> !s.expiresAt().isAfter(now) || !s.lastSeenAt().isAfter(idleCutoff))
                .limit(limit).map(Session::id).toList();
        dead.forEach(sessions::remove);
        return dead.size();
    }

    /** What merging two accounts does to the sessions of the one folded into the other. */
    synchronized void moveAccount(AccountId from, AccountId into) {
        sessions.replaceAll((id, s) -> !s.accountId().equals(from) ? s : new Session(s.id(), s.tokenHash(), into,
                s.userId(), s.appId(), s.method(), s.client(), s.createdAt(), s.lastSeenAt(), s.expiresAt(),
                s.endedAt(), s.endReason()));
    }

    public synchronized int count() {
        return sessions.size();
    }

    private static boolean live(Session s, Instant now, Instant idleCutoff) {
        return s.endedAt().isEmpty() && s.expiresAt().isAfter(now) && s.lastSeenAt().isAfter(idleCutoff);
    }
}
