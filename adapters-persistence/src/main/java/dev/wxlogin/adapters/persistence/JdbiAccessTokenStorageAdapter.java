package dev.wxlogin.adapters.persistence;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.port.out.ForStoringAccessTokens;
import dev.wxlogin.domain.token.AccessTokenGrant;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The AppIDs' access_tokens in {@code access_token}, each sealed by the {@link SessionKeyCipher} under the data key,
 * its AppID the associated data. Every method commits on its own connection, whatever transaction the caller has
 * open: a lease, a token and a forced refresh must be seen by other instances at once. The conditions (a free or
 * lapsed lease, a newer version, the force_refresh limits) are in the statements' WHERE clauses, so the database
 * decides between instances.
 */
public final class JdbiAccessTokenStorageAdapter implements ForStoringAccessTokens {
    private final Storage storage;
    private final SessionKeyCipher cipher;

    /** @param jdbi the one {@link Database#jdbi()} all adapters share */
    public JdbiAccessTokenStorageAdapter(Jdbi jdbi, SessionKeyCipher cipher) {
        this.storage = new Storage(Objects.requireNonNull(jdbi, "jdbi"));
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    /** A token that does not open (its data key gone, the row altered) counts as none: the service fetches anew. */
    @Override
    public Optional<StoredAccessToken> find(AppId app) {
        return storage.readDetached(handle -> handle.attach(AccessTokenDao.class).find(app.value()))
                .flatMap(row -> cipher.open(app, row.sealed()).map(token -> new StoredAccessToken(
                        new AccessTokenGrant(app, token, Instant.ofEpochMilli(row.expiresAt())),
                        Instant.ofEpochMilli(row.fetchedAt()), row.version())));
    }

    /** The row is made first if there is none; of concurrent inserts one wins, the others' fail on the key. */
    @Override
    public boolean takeLease(AppId app, String owner, Instant now, Instant until) {
        return storage.autoCommit(handle -> {
            AccessTokenDao dao = handle.attach(AccessTokenDao.class);
            if (dao.takeLease(app.value(), owner, now.toEpochMilli(), until.toEpochMilli()) == 1) {
                return true;
            }
            if (!insertedNew(() -> dao.insertEmpty(app.value()))) {
                return false; // the row was there: its lease is held
            }
            return dao.takeLease(app.value(), owner, now.toEpochMilli(), until.toEpochMilli()) == 1;
        });
    }

    @Override
    public void releaseLease(AppId app, String owner) {
        storage.autoCommit(handle -> {
            handle.attach(AccessTokenDao.class).releaseLease(app.value(), owner);
            return null;
        });
    }

    @Override
    public boolean save(StoredAccessToken token) {
        AccessTokenGrant grant = token.grant();
        String app = grant.appId().value();
        SessionKeyCipher.Sealed sealed = cipher.seal(grant.appId(), grant.token());
        long fetchedAt = token.fetchedAt().toEpochMilli();
        long expiresAt = grant.expiresAt().toEpochMilli();
        return storage.autoCommit(handle -> {
            AccessTokenDao dao = handle.attach(AccessTokenDao.class);
            if (dao.saveNewer(app, sealed.ciphertext(), sealed.keyId(), fetchedAt, expiresAt, token.version()) == 1) {
                return true;
            }
            // No row yet (a caller that took no lease), or a row whose version is as new or newer.
            return insertedNew(() -> dao.insert(app, sealed.ciphertext(), sealed.keyId(), fetchedAt, expiresAt,
                    token.version()));
        });
    }

    @Override
    public int countForcedRefresh(AppId app, Instant now, long day, Duration spacing, int perDay) {
        long latestLast = now.minus(spacing).toEpochMilli();
        return storage.autoCommit(handle -> handle.inTransaction(transaction -> {
            AccessTokenDao dao = transaction.attach(AccessTokenDao.class);
            return dao.countForced(app.value(), now.toEpochMilli(), latestLast, day, perDay) == 1
                    ? dao.forcedCount(app.value())
                    : 0;
        }));
    }

    /**
     * Statements commit one by one here, so a failed insert spoils nothing (no savepoint needed, even on
     * PostgreSQL); a duplicate key means the row exists.
     */
    private static boolean insertedNew(Runnable insert) {
        try {
            insert.run();
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (!SqlStates.isDuplicateKey(e)) {
                throw e;
            }
            return false;
        }
    }
}
