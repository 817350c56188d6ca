package dev.wxlogin.adapters.persistence;

import dev.wxlogin.domain.password.FailureSubject;
import dev.wxlogin.domain.password.Failures;
import dev.wxlogin.domain.port.out.ForCountingLoginFailures;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Failure counts in {@code login_failure}, one row per subject. Every method commits on its own connection: a failure
 * counts at once on every instance, and however the request that saw it ends. A failure is one {@code UPDATE} that
 * adds one in the database, so concurrent failures never overwrite each other's count.
 */
public final class JdbiLoginFailuresAdapter implements ForCountingLoginFailures {
    private static final String SELECT =
            "SELECT failures, last_failed_at FROM login_failure WHERE subject_key = :key";
    /** A count whose last failure is forgotten starts again; the last failure never moves back (clocks differ). */
    private static final String COUNT_ONE_MORE = "UPDATE login_failure SET "
            + "failures = CASE WHEN last_failed_at < :forgetBefore THEN 1 ELSE failures + 1 END, "
            + "last_failed_at = CASE WHEN last_failed_at > :now THEN last_failed_at ELSE :now END "
            + "WHERE subject_key = :key";
    private static final String INSERT_FIRST =
            "INSERT INTO login_failure (subject_key, failures, last_failed_at) VALUES (:key, 1, :now)";
    private static final String DELETE = "DELETE FROM login_failure WHERE subject_key = :key";
    private static final String FIND_FORGOTTEN = "SELECT subject_key FROM login_failure "
            + "WHERE last_failed_at < :forgetBefore ORDER BY last_failed_at LIMIT :limit";
    /** Repeats the test: a count raised again since it was found stays. */
    private static final String DELETE_FORGOTTEN =
            "DELETE FROM login_failure WHERE subject_key IN (<keys>) AND last_failed_at < :forgetBefore";

    private final Storage storage;

    public JdbiLoginFailuresAdapter(Jdbi jdbi) {
        this.storage = new Storage(Objects.requireNonNull(jdbi, "jdbi"));
    }

    @Override
    public Optional<Failures> failuresOf(FailureSubject subject) {
        return storage.readDetached(handle -> handle.createQuery(SELECT)
                .bind("key", subject.key())
                .map((rs, ctx) -> new Failures(rs.getInt(1), Instant.ofEpochMilli(rs.getLong(2))))
                .findOne());
    }

    /**
     * Adds one to an existing row, else inserts the first failure; of two first failures racing, the primary key
     * refuses the second insert, which then adds one to the row the first made. Statements commit one by one, so the
     * failed insert spoils nothing (no savepoint needed, even on PostgreSQL).
     */
    @Override
    public void recordFailure(FailureSubject subject, Instant now, Instant forgetBefore) {
        storage.autoCommit(handle -> {
            if (countOneMore(handle, subject, now, forgetBefore) == 1) {
                return null;
            }
            try {
                handle.createUpdate(INSERT_FIRST).bind("key", subject.key()).bind("now", now.toEpochMilli()).execute();
            } catch (UnableToExecuteStatementException e) {
                if (!SqlStates.isDuplicateKey(e)) {
                    throw e;
                }
                countOneMore(handle, subject, now, forgetBefore);
            }
            return null;
        });
    }

    private static int countOneMore(Handle handle, FailureSubject subject, Instant now,
                                    Instant forgetBefore) {
        return handle.createUpdate(COUNT_ONE_MORE)
                .bind("key", subject.key())
                .bind("now", now.toEpochMilli())
                .bind("forgetBefore", forgetBefore.toEpochMilli())
                .execute();
    }

    @Override
    public void reset(FailureSubject subject) {
        storage.autoCommit(handle -> handle.createUpdate(DELETE).bind("key", subject.key()).execute());
    }

    @Override
    public int deleteForgotten(Instant forgetBefore, int limit) {
        long before = forgetBefore.toEpochMilli();
        return storage.batch(handle -> {
            List<String> forgotten = handle.createQuery(FIND_FORGOTTEN)
                    .bind("forgetBefore", before).bind("limit", limit).mapTo(String.class).list();
            return forgotten.isEmpty() ? 0 : handle.createUpdate(DELETE_FORGOTTEN)
                    .bindList("keys", forgotten).bind("forgetBefore", before).execute();
        });
    }
}
