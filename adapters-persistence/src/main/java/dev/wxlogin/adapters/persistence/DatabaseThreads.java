package dev.wxlogin.adapters.persistence;

import dev.wxlogin.domain.error.StorageUnavailable;
import org.jdbi.v3.core.config.JdbiConfig;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Where the adapters' database work runs. Embedded H2 waits for a unique key that another transaction inserted and
 * has not committed (two first logins of one user, one code sent twice at once) by running the statement again and
 * again, never parking, until that one commits or LOCK_TIMEOUT (10 s) runs out. On a virtual thread that loop keeps
 * its carrier, and the JVM has one carrier per core: on two cores two such waiters left no carrier for the
 * transaction they waited for, nor for any other request, until their waits timed out (docs/operations.md). So on
 * embedded H2 a virtual thread hands its database work, whole, to a platform thread, which the operating system
 * preempts, and waits for it parked. PostgreSQL and MariaDB wait on a socket, which parks: their work runs where it
 * is called. Kept in the {@link org.jdbi.v3.core.Jdbi}'s configuration like {@link CommitDurability}; public, with a
 * public constructor, only because Jdbi makes its configuration objects.
 */
public final class DatabaseThreads implements JdbiConfig<DatabaseThreads> {
    private ExecutorService platformThreads;

    public DatabaseThreads() {
        this(null);
    }

    private DatabaseThreads(ExecutorService platformThreads) {
        this.platformThreads = platformThreads;
    }

    /** From now on, virtual threads' work runs on these threads. */
    void runOn(ExecutorService platformThreads) {
        this.platformThreads = platformThreads;
    }

    /** The work, on a platform thread if it is called on a virtual one and the database needs it; its result or failure as is. */
    <R> R run(Supplier<R> work) {
        if (platformThreads == null || !Thread.currentThread().isVirtual()) {
            return work.get();
        }
        try {
            return CompletableFuture.supplyAsync(work, platformThreads).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        } catch (RejectedExecutionException e) {
            throw new StorageUnavailable("The database is closed");
        }
    }

    @Override
    public DatabaseThreads createCopy() {
        return new DatabaseThreads(platformThreads);
    }
}
