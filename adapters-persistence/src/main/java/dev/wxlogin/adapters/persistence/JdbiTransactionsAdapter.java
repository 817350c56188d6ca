package dev.wxlogin.adapters.persistence;

import dev.wxlogin.domain.port.out.ForRunningTransactions;
import org.jdbi.v3.core.Jdbi;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A database transaction around {@code work}, at the pool's READ COMMITTED. Jdbi binds the transaction's
 * handle to the calling thread, and the other adapters reach the database through the same
 * {@link Jdbi}, so their statements join it without a handle passing through any port.
 */
public final class JdbiTransactionsAdapter implements ForRunningTransactions {
    private final Storage storage;

    /** @param jdbi the one {@link Database#jdbi()} all adapters share */
    public JdbiTransactionsAdapter(Jdbi jdbi) {
        this.storage = new Storage(Objects.requireNonNull(jdbi, "jdbi"));
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return storage.inTransaction(handle -> work.get());
    }
}
