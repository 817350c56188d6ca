package dev.wxlogin.adapters.persistence;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.login.LoginCode;
import dev.wxlogin.domain.port.out.ForRememberingExchangedCodes;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Claims on login codes in {@code exchanged_code}, by fingerprint. Every method commits on its own
 * connection, whatever transaction the caller has open: a claim must be visible to other instances at
 * once, and must outlive a login that fails after it.
 */
public final class JdbiExchangedCodesAdapter implements ForRememberingExchangedCodes {
    /** A claim is held while {@code expires_at > now}. */
    private static final String INSERT =
            "INSERT INTO exchanged_code (app_id, code_hash, expires_at) VALUES (:appId, :codeHash, :expiresAt)";
    /** Takes over a lapsed claim; of concurrent takers the database lets only the first see it lapsed. */
    private static final String TAKE_OVER_LAPSED = "UPDATE exchanged_code SET expires_at = :expiresAt "
            + "WHERE app_id = :appId AND code_hash = :codeHash AND expires_at <= :now";

    private final Storage storage;

    public JdbiExchangedCodesAdapter(Jdbi jdbi) {
        this.storage = new Storage(Objects.requireNonNull(jdbi, "jdbi"));
    }

    /**
     * The primary key decides between concurrent claims; a duplicate key means the code was claimed
     * before, and that claim can only be taken over once it has lapsed. Statements commit one by one,
     * so the failed insert spoils nothing (no savepoint needed, even on PostgreSQL).
     */
    @Override
    public boolean claim(AppId appId, LoginCode code, Instant now, Instant expiresAt) {
        String fingerprint = code.fingerprint();
        return storage.autoCommit(handle -> {
            try {
                handle.createUpdate(INSERT)
                        .bind("appId", appId.value())
                        .bind("codeHash", fingerprint)
                        .bind("expiresAt", expiresAt.toEpochMilli())
                        .execute();
                return true;
            } catch (UnableToExecuteStatementException e) {
                if (!SqlStates.isDuplicateKey(e)) {
                    throw e;
                }
                return handle.createUpdate(TAKE_OVER_LAPSED)
                        .bind("appId", appId.value())
                        .bind("codeHash", fingerprint)
                        .bind("now", now.toEpochMilli())
                        .bind("expiresAt", expiresAt.toEpochMilli())
                        .execute() == 1;
            }
        });
    }

    @Override
    public void release(AppId appId, LoginCode code) {
        storage.autoCommit(handle -> {
            handle.attach(ExchangedCodeDao.class).delete(appId.value(), code.fingerprint());
            return null;
        });
    }

    @Override
    public int deleteExpired(Instant now, int limit) {
        long at = now.toEpochMilli();
        return storage.batch(handle -> {
            ExchangedCodeDao dao = handle.attach(ExchangedCodeDao.class);
            List<ExchangedCodeDao.Key> lapsed = dao.findLapsed(at, limit);
            return lapsed.isEmpty() ? 0 : dao.deleteLapsed(lapsed, at);
        });
    }
}
