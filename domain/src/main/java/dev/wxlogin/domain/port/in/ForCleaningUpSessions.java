package dev.wxlogin.domain.port.in;

/** Remove sessions that can never authenticate again, and codes that can never be replayed. */
public interface ForCleaningUpSessions {
    /** Removes at most one batch; returns how many rows went. Safe to run on several instances at once. */
    int removeExpiredBatch();
}
