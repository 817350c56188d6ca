package dev.wxlogin.domain.error;

/**
 * The database answered but could not serve this request in time: a lock wait timed out, or the
 * transaction lost a deadlock or serialization conflict. The failed work was rolled back, and the same
 * request is likely to succeed once the competing transactions have finished.
 */
public final class StorageBusy extends DomainException {
    public StorageBusy(String message) {
        super(message);
    }
}
