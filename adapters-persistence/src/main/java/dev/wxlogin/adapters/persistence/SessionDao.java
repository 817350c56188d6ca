package dev.wxlogin.adapters.persistence;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

/**
 * The {@code user_session} table; parameters bind by name. "Live" is spelled out in each statement,
 * so a row is judged by the database at the moment it is read or written.
 */
@RegisterConstructorMapper(SessionDao.Row.class)
interface SessionDao {
    String COLUMNS = "id, token_hash, user_id, app_id, user_agent, client_ip, created_at, last_seen_at, expires_at, "
            + "ended_at, end_reason";
    /**
     * The latest time a write may record as a login or a use: the database's clock plus a small
     * tolerance. An instance whose clock runs fast cannot keep a session alive past its idle timeout.
     */
    String LATEST = "(<" + DatabaseClock.ATTRIBUTE + "> + " + DatabaseClock.TOLERANCE_MILLIS + ")";

    /** A login written by a fast clock is moved back to {@link #LATEST}, its absolute expiry with it. */
    @SqlUpdate("INSERT INTO user_session (" + COLUMNS + ") VALUES (:id, :tokenHash, :userId, :appId, :userAgent, "
            + ":clientIp, LEAST(:createdAt, " + LATEST + "), LEAST(:lastSeenAt, " + LATEST + "), "
            + "LEAST(:expiresAt, " + LATEST + " + :lifetime), :endedAt, :endReason)")
    void insert(@BindMethods Row row, long lifetime);

    @SqlQuery("SELECT " + COLUMNS + " FROM user_session WHERE token_hash = :tokenHash")
    Optional<Row> findByTokenHash(String tokenHash);

    @SqlQuery("SELECT " + COLUMNS + " FROM user_session WHERE user_id = :userId AND ended_at IS NULL "
            + "AND expires_at > :now AND last_seen_at > :idleCutoff ORDER BY created_at, id")
    List<Row> findLive(String userId, long now, long idleCutoff);

    /**
     * The liveness test is part of the update, so a session that ended or expired meanwhile is never
     * revived; last_seen_at never moves back (instance clocks differ), nor past {@link #LATEST}.
     */
    @SqlUpdate("UPDATE user_session SET last_seen_at = LEAST(:now, " + LATEST + ") WHERE id = :id "
            + "AND ended_at IS NULL AND expires_at > :now AND last_seen_at > :idleCutoff "
            + "AND last_seen_at < LEAST(:now, " + LATEST + ")")
    int touch(String id, long now, long idleCutoff);

    @SqlUpdate("UPDATE user_session SET ended_at = :now, end_reason = :reason WHERE id = :id AND ended_at IS NULL")
    int end(String id, String reason, long now);

    /**
     * Live rows only, picked by id (from {@link #findLive}, which locks nothing), so that no dead row that cleanup
     * is deleting is ever waited for: an UPDATE by user_id would lock on MariaDB every row its index scan reads,
     * live or dead. A row that stopped being live since it was picked stays as it is.
     */
    @SqlUpdate("UPDATE user_session SET ended_at = :now, end_reason = :reason WHERE id IN (<ids>) "
            + "AND ended_at IS NULL AND expires_at > :now AND last_seen_at > :idleCutoff")
    int endLive(@BindList("ids") List<String> ids, String reason, long now, long idleCutoff);

    /*
     * Cleanup, one index per statement: each finds its rows as the start of one index's range, which holds
     * dead rows only, so a batch never reads a live row however many there are. (One query with OR cannot
     * use one index, and re-read every live row in each batch.)
     */

    /** Past the absolute expiry, oldest first: a range of ix_user_session_expires_at. */
    @SqlQuery("SELECT id FROM user_session WHERE expires_at <= :now ORDER BY expires_at LIMIT :limit")
    List<String> findPastExpiry(long now, int limit);

    @SqlUpdate("DELETE FROM user_session WHERE id IN (<ids>) AND expires_at <= :now")
    int deletePastExpiry(@BindList("ids") List<String> ids, long now);

    /**
     * Unused since the idle cutoff, longest idle first: a range of ix_user_session_last_seen_at. Ended
     * sessions go this way too, as their last_seen_at no longer moves.
     */
    @SqlQuery("SELECT id FROM user_session WHERE last_seen_at <= :idleCutoff ORDER BY last_seen_at LIMIT :limit")
    List<String> findIdle(long idleCutoff, int limit);

    /** Repeats the test: a row touched since it was found stays. */
    @SqlUpdate("DELETE FROM user_session WHERE id IN (<ids>) AND last_seen_at <= :idleCutoff")
    int deleteIdle(@BindList("ids") List<String> ids, long idleCutoff);

    record Row(String id, String tokenHash, String userId, String appId, String userAgent, String clientIp,
               long createdAt, long lastSeenAt, long expiresAt, Long endedAt, String endReason) {
    }
}
