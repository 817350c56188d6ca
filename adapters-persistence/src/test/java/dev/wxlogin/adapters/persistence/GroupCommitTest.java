package dev.wxlogin.adapters.persistence;

import dev.wxlogin.domain.error.StorageUnavailable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The group commit's promise, with real threads and writes that block until the test lets them finish: nobody returns
 * before a write that began after their call has finished, callers who arrived during a write share the next one, and
 * a failed write fails only its writer.
 */
@Timeout(30)
class GroupCommitTest {
    private final LinkedBlockingQueue<Write> writes = new LinkedBlockingQueue<>();
    private final AtomicInteger started = new AtomicInteger();
    private final GroupCommit group = new GroupCommit(() -> {
        Write write = new Write();
        started.incrementAndGet();
        writes.add(write);
        write.await();
    });

    @Test
    void aCallerWhoArrivesDuringAWriteWaitsForTheNextOne() throws Exception {
        Thread first = caller();
        Write one = writes.take();
        Thread second = caller();
        awaitWaiting(second);

        one.finish();
        first.join();
        Write two = writes.take(); // the second caller writes again: the first write may have begun before its commit
        assertThat(second.isAlive()).isTrue();
        two.finish();
        second.join();
        assertThat(started).hasValue(2);
    }

    @Test
    void everyoneWhoArrivedDuringOneWriteSharesTheNext() throws Exception {
        Thread first = caller();
        Write one = writes.take();
        List<Thread> meanwhile = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            meanwhile.add(caller());
        }
        for (Thread waiting : meanwhile) {
            awaitWaiting(waiting);
        }

        one.finish();
        writes.take().finish();
        first.join();
        for (Thread waiting : meanwhile) {
            waiting.join();
        }
        assertThat(started).as("six commits, two writes").hasValue(2);
    }

    @Test
    void aFailedWriteFailsItsWriterAndTheOthersWaitForOneThatSucceeds() throws Exception {
        CompletableFuture<Void> failing = CompletableFuture.runAsync(group::awaitWritten);
        Write one = writes.take();
        Thread second = caller();
        awaitWaiting(second);

        one.fail();
        assertThatThrownBy(failing::join).hasCauseInstanceOf(StorageUnavailable.class);
        Write two = writes.take();
        assertThat(second.isAlive()).as("not released by the failed write").isTrue();
        two.finish();
        second.join();
        assertThat(started).hasValue(2);
    }

    private Thread caller() {
        return Thread.ofPlatform().start(group::awaitWritten);
    }

    /** Parked on the group's lock or condition, which is where a caller waits for someone else's write. */
    private static void awaitWaiting(Thread thread) throws InterruptedException {
        while (thread.getState() != Thread.State.WAITING) {
            Thread.sleep(1);
        }
    }

    /** One write, held until the test finishes or fails it. */
    private static final class Write {
        private final CountDownLatch decided = new CountDownLatch(1);
        private volatile boolean fails;

        void await() {
            Latches.await(decided);
            if (fails) {
                throw new IllegalStateException("disk full");
            }
        }

        void finish() {
            decided.countDown();
        }

        void fail() {
            fails = true;
            decided.countDown();
        }
    }
}
