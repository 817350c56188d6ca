package dev.wxlogin.adapters.persistence;

import dev.wxlogin.adapters.persistence.testing.Engine;
import dev.wxlogin.adapters.persistence.testing.OnEveryEngine;
import dev.wxlogin.domain.password.FailureSubject;
import dev.wxlogin.domain.password.Username;
import dev.wxlogin.domain.port.out.ForCountingLoginFailures;
import dev.wxlogin.domain.port.out.ForCountingLoginFailuresContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@OnEveryEngine
class JdbiLoginFailuresAdapterTest extends ForCountingLoginFailuresContract {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final Database database;
    private final JdbiLoginFailuresAdapter failures;

    JdbiLoginFailuresAdapterTest(Engine engine) {
        database = TestDatabases.open(engine);
        failures = new JdbiLoginFailuresAdapter(database.jdbi());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Override
    protected ForCountingLoginFailures failures() {
        return failures;
    }

    @Test
    void neitherTheNameNorTheAddressIsStored() {
        failures.recordFailure(FailureSubject.of(new Username("Alice")), NOW, NOW.minusSeconds(60));
        failures.recordFailure(FailureSubject.ofClient("192.0.2.7"), NOW, NOW.minusSeconds(60));

        List<String> stored = database.jdbi().withHandle(h -> h.createQuery("SELECT subject_key FROM login_failure")
                .mapTo(String.class).list());
        String keys = String.join(",", stored);
        assertThat(keys).doesNotContain("alice").doesNotContain("192.0.2.7").matches("[0-9a-f]{64},[0-9a-f]{64}");
    }

    @Test
    void aFailureCommitsEvenWhenTheCallersTransactionRollsBack() {
        var transactions = new JdbiTransactionsAdapter(database.jdbi());
        FailureSubject alice = FailureSubject.of(new Username("alice"));

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            failures.recordFailure(alice, NOW, NOW.minusSeconds(60));
            throw new IllegalStateException("the request failed afterwards");
        })).hasMessage("the request failed afterwards");

        assertThat(failures.failuresOf(alice)).isPresent();
    }
}
