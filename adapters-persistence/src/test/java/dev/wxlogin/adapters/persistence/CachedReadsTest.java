package dev.wxlogin.adapters.persistence;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.wxlogin.adapters.persistence.testing.Engine;
import dev.wxlogin.adapters.persistence.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a cached read may keep, and when it must read again, on an embedded H2 database (the one kind this process
 * alone writes). The writes are real {@link Storage} calls that name the row they change, as the adapters' do.
 */
class CachedReadsTest {
    private static final String ROW = "row-1";

    private final Database database = TestDatabases.inMemory();
    private final Storage storage = new Storage(database.jdbi());
    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();
    private final CachedReads<String, String> cached =
            new CachedReads<>(database.jdbi(), (key, value) -> List.of(ROW), now::get);

    @AfterEach
    void close() {
        database.close();
    }

    private Optional<String> get() {
        return cached.get("key", () -> Optional.of("value " + reads.incrementAndGet()));
    }

    private void change(String row) {
        storage.withHandle(handle -> {
            RowChanges.changed(handle, row);
            return 0;
        });
    }

    @Test
    void aSecondReadIsAnsweredFromWhatTheFirstRead() {
        assertThat(get()).contains("value 1");
        assertThat(get()).contains("value 1");
        assertThat(reads).hasValue(1);
    }

    @Test
    void aWriteThatChangedTheRowMakesTheNextReadGoToTheDatabase() {
        get();
        change(ROW);

        assertThat(get()).contains("value 2");
        assertThat(get()).contains("value 2");
    }

    @Test
    void aWriteToAnotherRowKeepsWhatWasRead() {
        get();
        change("row-2");

        assertThat(get()).contains("value 1");
    }

    @Test
    void whatWasReadIsKeptFourToFiveSeconds() {
        get();
        now.addAndGet(CachedReads.LIFETIME.minus(CachedReads.SPREAD).toNanos() - 1);
        assertThat(get()).contains("value 1");

        now.addAndGet(CachedReads.SPREAD.toNanos() + 1);
        assertThat(get()).contains("value 2");
    }

    @Test
    void aReadDuringWhichAWriteEndedIsNotKept() throws Exception {
        cached.get("key", () -> {
            CompletableFuture.runAsync(() -> change(ROW)).join(); // on another thread, between read and keeping
            return Optional.of("value " + reads.incrementAndGet());
        });

        assertThat(get()).contains("value 2");
    }

    /** Until its transaction is over, the writer's change is not the database's: it must not end what others read. */
    @Test
    void aWriteStillInItsTransactionDropsWhatWasReadOnlyOnceItEnds() throws Exception {
        get();
        CountDownLatch named = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Integer> writer = CompletableFuture.supplyAsync(() -> storage.inTransaction(handle -> {
            RowChanges.changed(handle, ROW);
            named.countDown();
            Latches.await(finish);
            return 0;
        }));
        assertThat(named.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(get()).contains("value 1");

        finish.countDown();
        writer.get(10, TimeUnit.SECONDS);
        assertThat(get()).contains("value 2");
    }

    @Test
    void aReadInsideATransactionGoesToTheDatabaseAndKeepsNothing() {
        storage.inTransaction(handle -> {
            assertThat(get()).contains("value 1");
            assertThat(get()).contains("value 2");
            return 0;
        });

        assertThat(get()).contains("value 3");
        assertThat(get()).contains("value 3");
    }

    @Test
    void aRowThatIsNotThereIsNotKept() {
        cached.get("key", () -> {
            reads.incrementAndGet();
            return Optional.empty();
        });

        assertThat(get()).contains("value 2");
    }

    /** Two servers in one JVM on one embedded database, as the tests run them, see each other's writes. */
    @Test
    void aWriteThroughAnotherPoolOnTheSameEmbeddedDatabaseDropsWhatWasRead() {
        TestDatabase shared = Engine.H2.createDatabase();
        try (Database first = Database.open(shared.settings(2)); Database second = Database.open(shared.settings(2))) {
            CachedReads<String, String> onFirst = new CachedReads<>(first.jdbi(), (key, value) -> List.of(ROW), now::get);
            onFirst.get("key", () -> Optional.of("value " + reads.incrementAndGet()));

            new Storage(second.jdbi()).withHandle(handle -> {
                RowChanges.changed(handle, ROW);
                return 0;
            });

            assertThat(onFirst.get("key", () -> Optional.of("value " + reads.incrementAndGet()))).contains("value 2");
        }
    }

    /** H2 reads 1, T, Y, YES and TRUE (in any case) as true: each serves the file to other processes. */
    @Test
    void aUrlThatServesTheFileToOthersOrDropsItsLockLetsOthersIn() {
        for (String shared : new String[] {";AUTO_SERVER=TRUE", ";auto_server=true", ";AUTO_SERVER=1", ";AUTO_SERVER=yes",
                ";AUTO_SERVER=Y;LOCK_TIMEOUT=10000", ";FILE_LOCK=NO", ";file_lock=no;WRITE_DELAY=1000"}) {
            assertThat(Database.letsOthersIn("jdbc:h2:file:/srv/wxlogin" + shared)).as(shared).isTrue();
        }
        for (String alone : new String[] {"", ";AUTO_SERVER=FALSE", ";AUTO_SERVER=0", ";AUTO_SERVER=no",
                ";FILE_LOCK=FS", ";FILE_LOCK=SOCKET", Database.H2_FILE_URL_OPTIONS}) {
            assertThat(Database.letsOthersIn("jdbc:h2:file:/srv/wxlogin" + alone)).as(alone).isFalse();
        }
    }

    /** {@code FILE_LOCK=NO} lets another process open the same file: what it writes, this one never learns. */
    @Test
    void aDatabaseThatOthersMayWriteIsNeverCached() {
        try (Database shared = Database.open(TestDatabases.settings(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";FILE_LOCK=NO" + Database.H2_FILE_URL_OPTIONS))) {
            CachedReads<String, String> uncached = new CachedReads<>(shared.jdbi(), (key, value) -> List.of(ROW),
                    Ticker.systemTicker());
            uncached.get("key", () -> Optional.of("value " + reads.incrementAndGet()));

            assertThat(uncached.get("key", () -> Optional.of("value " + reads.incrementAndGet()))).contains("value 2");
        }
    }
}
