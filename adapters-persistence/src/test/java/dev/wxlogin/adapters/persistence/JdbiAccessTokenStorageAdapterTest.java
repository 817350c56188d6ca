package dev.wxlogin.adapters.persistence;

import dev.wxlogin.adapters.persistence.testing.Engine;
import dev.wxlogin.adapters.persistence.testing.OnEveryEngine;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.port.out.ForStoringAccessTokens;
import dev.wxlogin.domain.port.out.ForStoringAccessTokens.StoredAccessToken;
import dev.wxlogin.domain.port.out.ForStoringAccessTokensContract;
import dev.wxlogin.domain.token.AccessToken;
import dev.wxlogin.domain.token.AccessTokenGrant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@OnEveryEngine
class JdbiAccessTokenStorageAdapterTest extends ForStoringAccessTokensContract {
    private static final AppId APP = new AppId("wxadapter00000001");
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final Database database;
    private final byte[] dataKey = new byte[32];
    private final JdbiAccessTokenStorageAdapter tokens;

    JdbiAccessTokenStorageAdapterTest(Engine engine) {
        database = TestDatabases.open(engine);
        new SecureRandom().nextBytes(dataKey);
        tokens = new JdbiAccessTokenStorageAdapter(database.jdbi(), new SessionKeyCipher(dataKey, List.of()));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Override
    protected ForStoringAccessTokens tokens() {
        return tokens;
    }

    private static StoredAccessToken stored(String token) {
        return new StoredAccessToken(new AccessTokenGrant(APP, new AccessToken(token), NOW.plusSeconds(7200)), NOW, 1);
    }

    @Test
    void theTokenIsStoredEncryptedOnly() {
        tokens.save(stored("the-access-token-itself"));

        String column = database.jdbi().withHandle(h -> h.createQuery("SELECT token_ciphertext FROM access_token")
                .mapTo(String.class).one());
        assertThat(column).doesNotContain("the-access-token-itself");
    }

    @Test
    void aTokenSealedUnderAnotherDataKeyCountsAsNone() {
        tokens.save(stored("sealed-under-the-old-key"));
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);

        var withoutTheOldKey = new JdbiAccessTokenStorageAdapter(database.jdbi(), new SessionKeyCipher(otherKey, List.of()));

        assertThat(withoutTheOldKey.find(APP)).isEmpty();
        assertThat(new JdbiAccessTokenStorageAdapter(database.jdbi(), new SessionKeyCipher(otherKey, List.of(dataKey)))
                .find(APP).orElseThrow().grant().token()).isEqualTo(new AccessToken("sealed-under-the-old-key"));
    }

    @Test
    void aCiphertextMovedToAnotherAppIdDoesNotOpen() {
        tokens.save(stored("belongs-to-the-first-app"));
        AppId other = new AppId("wxadapter00000002");
        tokens.save(new StoredAccessToken(new AccessTokenGrant(other, new AccessToken("x"), NOW), NOW, 1));

        database.jdbi().useHandle(h -> h.execute("UPDATE access_token SET token_ciphertext = (SELECT t.c FROM"
                + " (SELECT token_ciphertext AS c FROM access_token WHERE app_id = ?) t) WHERE app_id = ?",
                APP.value(), other.value()));

        assertThat(tokens.find(other)).isEmpty();
    }
}
