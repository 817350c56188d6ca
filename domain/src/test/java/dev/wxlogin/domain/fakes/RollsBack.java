package dev.wxlogin.domain.fakes;

/** An in-memory fake whose state {@link SerialTransactions} puts back when the work it runs fails. */
public interface RollsBack {
    /** Captures the current state; running the returned action restores exactly that state. */
    Runnable snapshot();
}
