package dev.wxlogin.adapters.persistence;

import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;

/**
 * The {@code user_session} statements off the hot paths (ending all of a user's or an account's sessions,
 * cleanup); parameters bind by name. The statements of every login and request are {@link SessionStatements}.
 */
interface SessionDao {
    /**
     * Live rows only, picked by id (from {@link SessionStatements#FIND_LIVE} or {@link
     * SessionStatements#FIND_LIVE_OF_ACCOUNT}, which lock nothing), so that no dead row that cleanup is deleting is
     * ever waited for: an UPDATE by user_id or account_id would lock on MariaDB every row its index scan reads, live
     * or dead. A row that stopped being live since it was picked stays as it is.
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
}
