package dev.wxlogin.adapters.persistence;

import dev.wxlogin.adapters.persistence.testing.Engine;
import dev.wxlogin.adapters.persistence.testing.OnEveryEngine;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLTransactionRollbackException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A cleanup batch that the database picks as a deadlock victim is rolled back and run once more, only once. */
@OnEveryEngine
class DetachedTest {
    private final Database database;
    private final AtomicInteger runs = new AtomicInteger();

    DetachedTest(Engine engine) {
        database = TestDatabases.open(engine);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private static RuntimeException deadlockVictim() {
        return new IllegalStateException(new SQLTransactionRollbackException("chosen as deadlock victim", "40001"));
    }

    private static void remember(Handle handle, String code) {
        handle.createUpdate("INSERT INTO exchanged_code (app_id, code_hash, expires_at) VALUES ('wx', :code, 0)")
                .bind("code", code).execute();
    }

    private List<String> remembered() {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT TRIM(code_hash) FROM exchanged_code")
                .mapTo(String.class).list());
    }

    @Test
    void theVictimsWorkIsRolledBackAndTheBatchRunsOnceMore() {
        int result = Detached.batch(database.jdbi(), handle -> {
            remember(handle, "attempt-" + runs.incrementAndGet());
            if (runs.get() == 1) {
                throw deadlockVictim();
            }
            return 7;
        });

        assertThat(result).isEqualTo(7);
        assertThat(remembered()).containsExactly("attempt-2");
    }

    @Test
    void aSecondDefeatIsReported() {
        RuntimeException second = deadlockVictim();

        assertThatThrownBy(() -> Detached.batch(database.jdbi(), handle -> {
            throw runs.incrementAndGet() == 1 ? deadlockVictim() : second;
        })).isSameAs(second);
        assertThat(runs).hasValue(2);
    }

    @Test
    void otherFailuresAreNotRetried() {
        assertThatThrownBy(() -> Detached.batch(database.jdbi(), handle -> {
            runs.incrementAndGet();
            throw new IllegalStateException("not a conflict");
        })).hasMessage("not a conflict");
        assertThat(runs).hasValue(1);
    }
}
