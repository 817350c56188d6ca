package dev.wxlogin.domain.port.out;

import java.util.function.Supplier;

/**
 * A unit of work that commits as a whole or not at all. Storage ports called inside {@code work} take
 * part in the transaction; a runtime exception rolls it back and is rethrown.
 */
public interface ForRunningTransactions {
    <T> T inTransaction(Supplier<T> work);
}
