package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.persistence.Database;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The database, opened (its file or server, the pool, Flyway's migration and validation) on a thread of its own from
 * the moment the settings are known: about a third of the start-up, which so runs while Spring parses the
 * configuration and makes the beans that do not need it. The first bean that needs it waits for it, so nothing
 * reaches the database before it is ready.
 */
final class DatabaseOpening {
    private final CompletableFuture<Database> opening;

    DatabaseOpening(Settings settings) {
        if (settings.databaseInDataDir()) {
            // on this thread, before the data key (also kept there) can be read or made
            DataDirectory.prepare(settings.dataDir());
        }
        opening = CompletableFuture.supplyAsync(() -> Database.open(settings.database()),
                task -> Thread.ofPlatform().name("wxlogin-database-open").start(task));
    }

    /** The open database, once it is; what opening it threw otherwise. */
    Database await() {
        try {
            return opening.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    /** For a start that failed: waits for the opening and closes what it opened (closing twice does no harm). */
    void close() {
        opening.thenAccept(Database::close).exceptionally(failure -> null).join();
    }
}
