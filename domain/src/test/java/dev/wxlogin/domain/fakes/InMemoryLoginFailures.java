package dev.wxlogin.domain.fakes;

import dev.wxlogin.domain.password.FailureSubject;
import dev.wxlogin.domain.password.Failures;
import dev.wxlogin.domain.port.out.ForCountingLoginFailures;

import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/** A {@link ForCountingLoginFailures} in memory. */
public final class InMemoryLoginFailures implements ForCountingLoginFailures {
    private final Map<String, Failures> counts = new HashMap<>();

    @Override
    public synchronized Optional<Failures> failuresOf(FailureSubject subject) {
        return Optional.ofNullable(counts.get(subject.key()));
    }

    @Override
    public synchronized void recordFailure(FailureSubject subject, Instant now, Instant forgetBefore) {
        Failures counted = counts.get(subject.key());
        if (counted == null || counted.lastFailedAt().isBefore(forgetBefore)) {
            counts.put(subject.key(), new Failures(1, now));
        } else {
            Instant last = counted.lastFailedAt().isAfter(now) ? counted.lastFailedAt() : now;
            counts.put(subject.key(), new Failures(counted.count() + 1, last));
        }
    }

    @Override
    public synchronized void reset(FailureSubject subject) {
        counts.remove(subject.key());
    }

    @Override
    public synchronized int deleteForgotten(Instant forgetBefore, int limit) {
        int removed = 0;
        for (Iterator<Failures> it = counts.values().iterator(); it.hasNext() && removed < limit; ) {
            if (it.next().lastFailedAt().isBefore(forgetBefore)) {
                it.remove();
                removed++;
            }
        }
        return removed;
    }
}
