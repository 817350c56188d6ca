package dev.wxlogin.adapters.persistence;

import dev.wxlogin.adapters.persistence.testing.Engine;
import dev.wxlogin.adapters.persistence.testing.OnEveryEngine;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.login.LoginCode;
import dev.wxlogin.domain.port.out.ForRememberingExchangedCodes;
import dev.wxlogin.domain.port.out.ForRememberingExchangedCodesContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@OnEveryEngine
class JdbiExchangedCodesAdapterTest extends ForRememberingExchangedCodesContract {
    private static final AppId APP = new AppId("wxadapter00000001");
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final Database database;
    private final JdbiExchangedCodesAdapter codes;

    JdbiExchangedCodesAdapterTest(Engine engine) {
        database = TestDatabases.open(engine);
        codes = new JdbiExchangedCodesAdapter(database.jdbi());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Override
    protected ForRememberingExchangedCodes codes() {
        return codes;
    }

    @Test
    void onlyTheFingerprintIsStored() {
        codes.claim(APP, new LoginCode("the-code-itself"), NOW, NOW.plusSeconds(300));

        String stored = database.jdbi().withHandle(h -> h.createQuery("SELECT code_hash FROM exchanged_code")
                .mapTo(String.class).one());
        assertThat(stored).isEqualTo(new LoginCode("the-code-itself").fingerprint());
    }

    @Test
    void aClaimCommitsEvenWhenTheCallersTransactionRollsBack() {
        var transactions = new JdbiTransactionsAdapter(database.jdbi());

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            codes.claim(APP, new LoginCode("claimed-in-a-failed-login"), NOW, NOW.plusSeconds(300));
            throw new IllegalStateException("the login failed afterwards");
        })).hasMessage("the login failed afterwards");

        assertThat(codes.claim(APP, new LoginCode("claimed-in-a-failed-login"), NOW, NOW.plusSeconds(300))).isFalse();
    }
}
