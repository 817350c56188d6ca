package dev.wxlogin.adapters.persistence;

import dev.wxlogin.adapters.persistence.testing.Engine;
import dev.wxlogin.domain.password.PasswordHash;
import dev.wxlogin.domain.password.Username;
import dev.wxlogin.domain.port.out.ForStoringPasswords;
import dev.wxlogin.domain.port.out.ForStoringPasswordsContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(Engine.class)
class JdbiPasswordStorageAdapterTest extends ForStoringPasswordsContract {
    private final Database database;
    private final JdbiPasswordStorageAdapter passwords;

    JdbiPasswordStorageAdapterTest(Engine engine) {
        database = TestDatabases.open(engine);
        passwords = new JdbiPasswordStorageAdapter(database.jdbi());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Override
    protected ForStoringPasswords passwords() {
        return passwords;
    }

    /** The name is an identity of the account, as a unionid is, so a merge of accounts carries it (and its hash) along. */
    @Test
    void aNameIsStoredAsAnIdentityOfItsAccountInItsNormalisedForm() {
        var account = passwords.register(new Username("\uff21lice"), new PasswordHash("$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaA"),
                Instant.parse("2026-01-01T00:00:00Z")).orElseThrow();

        String holder = database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT account_id FROM account_identity WHERE provider = 'username' AND subject = 'alice'")
                .mapTo(String.class).one());
        assertThat(holder).isEqualTo(account.value());
    }
}
