package dev.wxlogin.adapters.persistence;

import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.password.PasswordCredential;
import dev.wxlogin.domain.password.PasswordHash;
import dev.wxlogin.domain.password.Username;
import dev.wxlogin.domain.port.out.ForStoringPasswords;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Account names as identities ({@code 'username'}, the normalised name) in {@code account_identity}, with their
 * hashes in {@code account_password}. The identity's primary key settles concurrent registrations of one name: the
 * loser's account, identity and hash are undone together.
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
            handle.createUpdate(INSERT_IDENTITY).bind("provider", USERNAME).bind("subject", username.value())
                    .bind("account", account.value()).bind("now", at).execute();
            handle.createUpdate(INSERT_PASSWORD).bind("provider", USERNAME).bind("subject", username.value())
                    .bind("hash", hash.value()).bind("now", at).execute();
        }) ? Optional.of(account) : Optional.empty());
    }

    @Override
    public Optional<PasswordCredential> find(Username username) {
        return storage.withHandle(handle -> handle.createQuery(FIND)
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
