package dev.wxlogin.adapters.persistence;

import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.password.PasswordCredential;
import dev.wxlogin.domain.password.PasswordHash;
import dev.wxlogin.domain.password.Username;
import dev.wxlogin.domain.port.out.ForStoringPasswords;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Account names as identities ({@code 'username'}, the normalised name) in {@code account_identity}, with their
 * hashes in {@code account_password}. The identity's primary key settles concurrent claims of one name, registrations
 * and names added to accounts alike: the loser's identity and hash, and the account it was registering, are undone
 * together.
 */
public final class JdbiPasswordStorageAdapter implements ForStoringPasswords {
    private static final String USERNAME = "username";
    private static final String INSERT_ACCOUNT = "INSERT INTO account (id, created_at) VALUES (:account, :now)";
    private static final String INSERT_IDENTITY = """
            INSERT INTO account_identity (provider, subject, account_id, created_at)
            VALUES (:provider, :subject, :account, :now)""";
    private static final String INSERT_PASSWORD = """
            INSERT INTO account_password (provider, subject, password_hash, updated_at)
            VALUES (:provider, :subject, :hash, :now)""";
    private static final String FIND = """
            SELECT i.account_id, p.password_hash FROM account_password p
            JOIN account_identity i ON i.provider = p.provider AND i.subject = p.subject
            WHERE p.provider = :provider AND p.subject = :subject""";
    private static final String USERNAMES_OF = """
            SELECT subject FROM account_identity WHERE account_id = :account AND provider = :provider
            ORDER BY created_at, subject""";
    private static final String LOCK_ACCOUNT = "SELECT id FROM account WHERE id = :account FOR UPDATE";
    private static final String REPLACE_HASH = """
            UPDATE account_password SET password_hash = :replacement, updated_at = :now
            WHERE provider = :provider AND subject = :subject AND password_hash = :current""";

    private final Storage storage;

    public JdbiPasswordStorageAdapter(Jdbi jdbi) {
        this.storage = new Storage(Objects.requireNonNull(jdbi, "jdbi"));
    }

    @Override
    public Optional<AccountId> register(Username username, PasswordHash hash, Instant now) {
        AccountId account = AccountId.random();
        long at = now.toEpochMilli();
        return storage.inTransaction(handle -> Savepoints.insertedNew(handle, () -> {
            handle.createUpdate(INSERT_ACCOUNT).bind("account", account.value()).bind("now", at).execute();
            insertName(handle, account, username, hash, at);
        }) ? Optional.of(account) : Optional.empty());
    }

    @Override
    public boolean addUsername(AccountId account, Username username, PasswordHash hash, Instant now) {
        return storage.inTransaction(handle -> Savepoints.insertedNew(handle,
                () -> insertName(handle, account, username, hash, now.toEpochMilli())));
    }

    private static void insertName(Handle handle, AccountId account, Username username, PasswordHash hash, long now) {
        handle.createUpdate(INSERT_IDENTITY).bind("provider", USERNAME).bind("subject", username.value())
                .bind("account", account.value()).bind("now", now).execute();
        handle.createUpdate(INSERT_PASSWORD).bind("provider", USERNAME).bind("subject", username.value())
                .bind("hash", hash.value()).bind("now", now).execute();
    }

    /** A range of ix_account_identity_account_id. */
    @Override
    public List<Username> usernamesOf(AccountId account) {
        return storage.read(handle -> handle.createQuery(USERNAMES_OF)
                .bind("account", account.value())
                .bind("provider", USERNAME)
                .map((rs, ctx) -> new Username(rs.getString(1)))
                .list());
    }

    /** The account's row, locked FOR UPDATE; outside a transaction the lock would end with the statement. */
    @Override
    public void lockAccount(AccountId account) {
        storage.withHandle(handle -> {
            if (!handle.isInTransaction()) {
                throw new IllegalStateException("an account is locked only inside a transaction");
            }
            return handle.createQuery(LOCK_ACCOUNT).bind("account", account.value()).mapTo(String.class).findOne();
        });
    }

    @Override
    public Optional<PasswordCredential> find(Username username) {
        return storage.read(handle -> handle.createQuery(FIND)
                .bind("provider", USERNAME)
                .bind("subject", username.value())
                .map((rs, ctx) -> new PasswordCredential(new AccountId(rs.getString(1)), new PasswordHash(rs.getString(2))))
                .findOne());
    }

    @Override
    public boolean replaceHash(Username username, PasswordHash current, PasswordHash replacement, Instant now) {
        return storage.withHandle(handle -> handle.createUpdate(REPLACE_HASH)
                .bind("provider", USERNAME)
                .bind("subject", username.value())
                .bind("current", current.value())
                .bind("replacement", replacement.value())
                .bind("now", now.toEpochMilli())
                .execute() == 1);
    }
}
