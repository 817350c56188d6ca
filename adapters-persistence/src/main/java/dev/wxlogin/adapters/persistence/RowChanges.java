package dev.wxlogin.adapters.persistence;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.config.JdbiConfig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What {@link CachedReads} learn of writes, tracked only where this process is its database's one user (embedded
 * H2): a version for each stripe of row keys (the ids of sessions, users and accounts), moved once the write that
 * changed such a row has ended, and a count of all moves. A write names the rows it changes ({@link #changed}); its
 * {@link Storage} call publishes them when the transaction is over, committed or not. Elsewhere another instance may
 * write unseen, so nothing is tracked and nothing is cached. Kept in the {@link org.jdbi.v3.core.Jdbi}'s
 * configuration, like {@link CommitDurability}, so that all adapters share one; public only because Jdbi makes
 * configuration objects.
 *
 * <p>Why a read may keep what it read ({@link #stamp}): the count is taken before the read, the stripes' versions after
 * it, and the count again. A write that commits after the read moves the count and then its stripes: before the
 * second look at the count (nothing is kept), or after the stamp (what was kept no longer matches).
 */
public final class RowChanges implements JdbiConfig<RowChanges> {
    private static final int STRIPES = 1 << 12;
    /**
     * One set of versions per embedded H2 database open in this JVM, shared by every {@link org.jdbi.v3.core.Jdbi} on
     * it: two servers in one JVM (as the tests run them, or an application embedding the core twice) see each other's
     * writes. The key is H2's own object for the open database.
     */
    private static final Map<Object, Versions> OPEN = Collections.synchronizedMap(new WeakHashMap<>());
    /** Rows the thread's writes changed, published once its outermost {@link Storage} call is over. */
    private static final ThreadLocal<List<Change>> UNPUBLISHED = new ThreadLocal<>();

    private Versions versions;

    public RowChanges() {
        this(null);
    }

    private RowChanges(Versions versions) {
        this.versions = versions;
    }

    /** For a database no other process can write: {@code database} is H2's object for it. */
    void track(Object database) {
        versions = OPEN.computeIfAbsent(database, open -> new Versions());
    }

    boolean tracked() {
        return versions != null;
    }

    /** Rows this write changes, named inside the {@link Storage} call that makes it. */
    static void changed(Handle handle, String... rows) {
        Versions versions = handle.getConfig(RowChanges.class).versions;
        if (versions != null) {
            List<Change> unpublished = UNPUBLISHED.get();
            if (unpublished == null) {
                unpublished = new ArrayList<>();
                UNPUBLISHED.set(unpublished);
            }
            for (String row : rows) {
                unpublished.add(new Change(versions, row));
            }
        }
    }

    /** Once the thread's transaction is over: what its writes changed is no longer read from a cache. */
    static void publish() {
        List<Change> changes = UNPUBLISHED.get();
        if (changes != null) {
            UNPUBLISHED.remove();
            changes.stream().map(Change::versions).distinct().forEach(versions -> versions.count.incrementAndGet());
            changes.forEach(change -> change.versions().stripes.incrementAndGet(stripe(change.row())));
        }
    }

    /** Taken before a read that may be kept. */
    long count() {
        return versions.count.get();
    }

    /** The versions of the rows a read returned, if no write ended since {@code countBefore}; else none. */
    Stamp stamp(long countBefore, List<String> rows) {
        int[] stripes = new int[rows.size()];
        long[] seen = new long[stripes.length];
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = stripe(rows.get(i));
            seen[i] = versions.stripes.get(stripes[i]);
        }
        return versions.count.get() == countBefore ? new Stamp(stripes, seen) : null;
    }

    /** Whether no write has changed the stamped rows since. */
    boolean current(Stamp stamp) {
        for (int i = 0; i < stamp.stripes.length; i++) {
            if (versions.stripes.get(stamp.stripes[i]) != stamp.versions[i]) {
                return false;
            }
        }
        return true;
    }

    private static int stripe(String row) {
        return row.hashCode() & (STRIPES - 1);
    }

    @Override
    public RowChanges createCopy() {
        return new RowChanges(versions);
    }

    record Stamp(int[] stripes, long[] versions) {
    }

    private record Change(Versions versions, String row) {
    }

    private static final class Versions {
        final AtomicLong count = new AtomicLong();
        final AtomicLongArray stripes = new AtomicLongArray(STRIPES);
    }
}
