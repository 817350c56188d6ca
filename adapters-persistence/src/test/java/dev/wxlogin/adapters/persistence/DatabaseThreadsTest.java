package dev.wxlogin.adapters.persistence;

import dev.wxlogin.domain.error.StorageBusy;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Embedded H2 waits for an uncommitted unique key without parking. Requests run on virtual threads, with one carrier
 * per core: more waiters than cores, against a transaction that is parked (as a request is whenever it waits for a
 * lock, the log or the network), took every carrier, and the transaction they waited for could not finish before
 * their lock timeout (10 s). With {@link DatabaseThreads} the work runs on platform threads and it finishes.
 */
@Timeout(60)
class DatabaseThreadsTest {
    private final Database database = TestDatabases.inMemory();
    private final Storage storage = new Storage(database.jdbi());

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void moreWaitersThanCarriersOnAnUncommittedKeyLetTheTransactionTheyWaitForCommit() throws Exception {
        int waiters = Math.min(Runtime.getRuntime().availableProcessors() + 2, 14); // the pool has 16 connections
        storage.withHandle(handle -> handle.execute("CREATE TABLE claimed (code VARCHAR(32) PRIMARY KEY)"));
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch waitersStarted = new CountDownLatch(waiters);
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> holder = requests.submit(() -> storage.inTransaction(handle -> {
                handle.execute("INSERT INTO claimed (code) VALUES ('c0de')");
                inserted.countDown();
                Latches.await(waitersStarted);
                sleep(300); // parked: a thread must be free for it to come back and commit
                return null;
            }));
            Latches.await(inserted);
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < waiters; i++) {
                outcomes.add(requests.submit(() -> {
                    waitersStarted.countDown();
                    try {
                        storage.withHandle(handle -> handle.execute("INSERT INTO claimed (code) VALUES ('c0de')"));
                        return "inserted";
                    } catch (UnableToExecuteStatementException e) {
                        return SqlStates.isDuplicateKey(e) ? "taken" : SqlStates.stateOf(e);
                    } catch (StorageBusy e) {
                        return "timed out";
                    }
                }));
            }
            holder.get();
            for (Future<String> outcome : outcomes) {
                assertThat(outcome.get()).isEqualTo("taken");
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
