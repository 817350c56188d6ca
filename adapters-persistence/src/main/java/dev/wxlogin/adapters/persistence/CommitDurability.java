package dev.wxlogin.adapters.persistence;

import org.jdbi.v3.core.config.JdbiConfig;

/**
 * What a caller waits for after a commit before it answers anyone: that the commit would survive the death of the
 * process. PostgreSQL's and MariaDB's commits are durable when COMMIT returns, so there is nothing to wait for;
 * an embedded H2 file database is written by {@link GroupCommit}. Kept in the {@link org.jdbi.v3.core.Jdbi}'s
 * configuration, so every adapter's {@link Storage} finds the one its database needs. Public, with a public
 * constructor, only because Jdbi makes its configuration objects.
 */
public final class CommitDurability implements JdbiConfig<CommitDurability> {
    private Runnable awaitWritten;

    public CommitDurability() {
        this(() -> {});
    }

    private CommitDurability(Runnable awaitWritten) {
        this.awaitWritten = awaitWritten;
    }

    void waitWith(Runnable awaitWritten) {
        this.awaitWritten = awaitWritten;
    }

    /** Returns once every commit made before the call is in the database's file. */
    void awaitWritten() {
        awaitWritten.run();
    }

    @Override
    public CommitDurability createCopy() {
        return new CommitDurability(awaitWritten);
    }
}
