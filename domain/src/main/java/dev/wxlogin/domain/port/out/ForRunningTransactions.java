package dev.wxlogin.domain.port.out;

import java.util.function.Supplier;

/**
 * A unit of work that commits as a whole or not at all. Storage ports called inside {@code work} take
 * part in the transaction (except those that say they commit on their own, such as
 * {@link ForRememberingExchangedCodes#claim}) and see its uncommitted writes.
 */
public interface ForRunningTransactions {
    /**
     * Runs {@code work} and commits what it wrote; returns its result. A runtime exception (or error)
     * that leaves {@code work} rolls back everything it wrote and is rethrown as it is. A nested call
     * joins the transaction already open: its writes commit or roll back with the outermost call's.
     * There are no savepoints: a failure that {@code work} catches rolls nothing back.
     */
    <T> T inTransaction(Supplier<T> work);
}
