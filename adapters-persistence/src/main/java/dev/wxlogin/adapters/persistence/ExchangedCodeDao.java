package dev.wxlogin.adapters.persistence;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethodsList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;

/**
 * The {@code exchanged_code} statements off the hot path (a release, cleanup); parameters bind by name. The claim
 * of every login is {@link JdbiExchangedCodesAdapter#claim}'s.
 */
interface ExchangedCodeDao {
    @SqlUpdate("DELETE FROM exchanged_code WHERE app_id = :appId AND code_hash = :codeHash")
    void delete(String appId, String codeHash);

    @SqlQuery("SELECT app_id, code_hash FROM exchanged_code WHERE expires_at <= :now ORDER BY expires_at LIMIT :limit")
    @RegisterConstructorMapper(Key.class)
    List<Key> findLapsed(long now, int limit);

    /** Repeats the test: a claim taken over since it was found stays. */
    @SqlUpdate("DELETE FROM exchanged_code WHERE (app_id, code_hash) IN (<keys>) AND expires_at <= :now")
    int deleteLapsed(@BindMethodsList(value = "keys", methodNames = {"appId", "codeHash"}) List<Key> keys, long now);

    record Key(String appId, String codeHash) {
    }
}
