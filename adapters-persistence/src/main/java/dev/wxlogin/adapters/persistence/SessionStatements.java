package dev.wxlogin.adapters.persistence;

import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.port.out.ForStoringSessions.SessionWithUser;
import dev.wxlogin.domain.session.ClientInfo;
import dev.wxlogin.domain.session.EndReason;
import dev.wxlogin.domain.session.LoginMethod;
import dev.wxlogin.domain.session.Session;
import dev.wxlogin.domain.session.SessionId;
import dev.wxlogin.domain.session.TokenHash;
import dev.wxlogin.domain.user.User;
import dev.wxlogin.domain.user.UserId;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.Optional;

/**
 * The {@code user_session} statements of every login and every authenticated request, for Jdbi's fluent
 * API with a hand-written mapper: a SqlObject call would copy its configuration and map by reflection
 * each time, which cost more than the database's work. Parameters bind by name. "Live" is spelled out in
 * each statement, so a row is judged by the database at the moment it is read or written.
 */
final class SessionStatements {
    /** In the order {@link #SESSIONS} reads them. */
    private static final String COLUMNS = "id, token_hash, account_id, user_id, app_id, method, user_agent, client_ip, "
            + "created_at, last_seen_at, expires_at, ended_at, end_reason";
    /**
     * The latest time a write may record as a login or a use: the database's clock plus a small
     * tolerance. An instance whose clock runs fast cannot keep a session alive past its idle timeout.
     */
    private static final String LATEST = "(<" + DatabaseClock.ATTRIBUTE + "> + " + DatabaseClock.TOLERANCE_MILLIS + ")";

    /** A login written by a fast clock is moved back to {@link #LATEST}, its absolute expiry with it. */
    static final String INSERT = "INSERT INTO user_session (" + COLUMNS + ") VALUES (:id, :tokenHash, :accountId, "
            + ":userId, :appId, :method, :userAgent, :clientIp, LEAST(:createdAt, " + LATEST + "), LEAST(:lastSeenAt, " + LATEST + "), "
            + "LEAST(:expiresAt, " + LATEST + " + :lifetime), :endedAt, :endReason)";

    static final String FIND_BY_TOKEN_HASH = "SELECT " + COLUMNS + " FROM user_session WHERE token_hash = :tokenHash";

    /** Where the user's columns start in {@link #FIND_WITH_USER}: after the session's. */
    static final int USER_OFFSET = Columns.count(COLUMNS);

    /**
     * The session's {@link #COLUMNS}, then its user's {@link UserStatements#COLUMNS}: all null for a password session,
     * which has no user. One statement instead of two on every authenticated request.
     */
    static final String FIND_WITH_USER = "SELECT " + Columns.qualified("s", COLUMNS) + ", "
            + Columns.qualified("u", UserStatements.COLUMNS)
            + " FROM user_session s LEFT JOIN app_user u ON u.id = s.user_id WHERE s.token_hash = :tokenHash";

    private static final String LIVE_OLDEST_FIRST = " AND ended_at IS NULL AND expires_at > :now "
            + "AND last_seen_at > :idleCutoff ORDER BY created_at, id";

    static final String FIND_LIVE = "SELECT " + COLUMNS + " FROM user_session WHERE user_id = :userId" + LIVE_OLDEST_FIRST;

    /** Of every mini program and method: a range of ix_user_session_account_id. */
    static final String FIND_LIVE_OF_ACCOUNT = "SELECT " + COLUMNS + " FROM user_session WHERE account_id = :accountId"
            + LIVE_OLDEST_FIRST;

    /**
     * The liveness test is part of the update, so a session that ended or expired meanwhile is never
     * revived; last_seen_at never moves back (instance clocks differ), nor past {@link #LATEST}.
     */
    static final String TOUCH = "UPDATE user_session SET last_seen_at = LEAST(:now, " + LATEST + ") WHERE id = :id "
            + "AND ended_at IS NULL AND expires_at > :now AND last_seen_at > :idleCutoff "
            + "AND last_seen_at < LEAST(:now, " + LATEST + ")";

    static final String END = "UPDATE user_session SET ended_at = :now, end_reason = :reason WHERE id = :id "
            + "AND ended_at IS NULL";

    /** Rows selected with {@link #COLUMNS}, read by position: H2 would look each label up per row. */
    static final RowMapper<Session> SESSIONS = (rs, ctx) -> new Session(new SessionId(rs.getString(1)),
            new TokenHash(rs.getString(2)), new AccountId(rs.getString(3)),
            Optional.ofNullable(rs.getString(4)).map(UserId::new), Optional.ofNullable(rs.getString(5)).map(AppId::new),
            method(rs.getString(6)), new ClientInfo(rs.getString(7), rs.getString(8)),
            Instant.ofEpochMilli(rs.getLong(9)), Instant.ofEpochMilli(rs.getLong(10)), Instant.ofEpochMilli(rs.getLong(11)),
            Optional.ofNullable(Columns.nullableLong(rs, 12)).map(Instant::ofEpochMilli),
            Optional.ofNullable(rs.getString(13)).map(EndReason::valueOf));

    /** Rows selected by {@link #FIND_WITH_USER}; {@code users} reads the user's columns after {@link #USER_OFFSET}. */
    static RowMapper<SessionWithUser> withUser(RowMapper<User> users) {
        return (rs, ctx) -> new SessionWithUser(SESSIONS.map(rs, ctx),
                rs.getString(USER_OFFSET + 1) == null ? Optional.empty() : Optional.of(users.map(rs, ctx)));
    }

    /** The {@code method} column's value for a login method. */
    static String column(LoginMethod method) {
        return switch (method) {
            case WECHAT -> "wechat";
            case PASSWORD -> "password";
        };
    }

    private static LoginMethod method(String column) {
        return switch (column) {
            case "wechat" -> LoginMethod.WECHAT;
            case "password" -> LoginMethod.PASSWORD;
            default -> throw new IllegalStateException("a session of an unknown method: " + column);
        };
    }

    private SessionStatements() {}
}
