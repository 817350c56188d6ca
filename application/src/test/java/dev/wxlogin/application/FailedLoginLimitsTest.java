package dev.wxlogin.application;

import dev.wxlogin.domain.error.CredentialsRejected;
import dev.wxlogin.domain.fakes.InMemoryLoginFailures;
import dev.wxlogin.domain.fakes.MutableClock;
import dev.wxlogin.domain.password.FailureLimits;
import dev.wxlogin.domain.password.FailureSubject;
import dev.wxlogin.domain.password.Username;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailedLoginLimitsTest {
    private static final Username ALICE = new Username("alice");
    private static final Username BOB = new Username("bob");
    private static final String IP = "198.51.100.4";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final InMemoryLoginFailures failures = new InMemoryLoginFailures();
    private final FailedLoginLimits limits = new FailedLoginLimits(failures,
            new FailureLimits(3, 5, Duration.ofMinutes(1), Duration.ofMinutes(15)), clock);

    private void fail(Username username, String ip, int times) {
        for (int i = 0; i < times; i++) {
            limits.failed(username, ip);
        }
    }

    private static Duration lockOf(Runnable attempt) {
        try {
            attempt.run();
            throw new AssertionError("not locked");
        } catch (CredentialsRejected rejected) {
            assertThat(rejected.reason()).isEqualTo(CredentialsRejected.Reason.TOO_MANY_FAILURES);
            return rejected.retryAfter().orElseThrow();
        }
    }

    @Test
    void aNameIsLockedAtItsLimitAndForTheRestOfTheLock() {
        fail(ALICE, IP, 2);
        assertThatCode(() -> limits.refuseIfLocked(ALICE, IP)).doesNotThrowAnyException();

        fail(ALICE, IP, 1);
        clock.advance(Duration.ofSeconds(20));

        assertThat(lockOf(() -> limits.refuseIfLocked(ALICE, "203.0.113.9"))).isEqualTo(Duration.ofSeconds(40));
        assertThatCode(() -> limits.refuseIfLocked(BOB, "203.0.113.9")).doesNotThrowAnyException();
        clock.advance(Duration.ofSeconds(40));
        assertThatCode(() -> limits.refuseIfLocked(ALICE, "203.0.113.9")).doesNotThrowAnyException();
    }

    @Test
    void aClientIsLockedAtItsLimitWhateverNamesItTries() {
        for (int i = 0; i < 5; i++) {
            limits.failed(new Username("name-" + i), IP);
        }

        assertThat(lockOf(() -> limits.refuseIfLocked(new Username("someone-else"), IP))).isEqualTo(Duration.ofMinutes(1));
        assertThatCode(() -> limits.refuseIfLocked(new Username("someone-else"), "203.0.113.9")).doesNotThrowAnyException();
    }

    @Test
    void theLongerOfTwoLocksIsTheWait() {
        fail(ALICE, IP, 5); // the name is 2 past its limit (4 minutes), the address at it (1 minute)

        assertThat(lockOf(() -> limits.refuseIfLocked(ALICE, IP))).isEqualTo(Duration.ofMinutes(4));
        fail(BOB, IP, 2); // now the address is 2 past its limit, 4 minutes too; BOB is below his
        clock.advance(Duration.ofSeconds(1));
        assertThat(lockOf(() -> limits.refuseIfLocked(BOB, IP))).isEqualTo(Duration.ofSeconds(239));
        fail(BOB, IP, 1); // BOB at his limit (1 minute), the address 3 past (8 minutes)
        assertThat(lockOf(() -> limits.refuseIfLocked(BOB, "203.0.113.9"))).isEqualTo(Duration.ofMinutes(1));
        assertThat(lockOf(() -> limits.refuseIfLocked(BOB, IP))).isEqualTo(Duration.ofMinutes(8));
    }

    @Test
    void aSuccessResetsTheNameButNotTheAddress() {
        fail(ALICE, IP, 3);
        fail(BOB, IP, 2);

        limits.succeeded(ALICE);

        assertThat(failures.failuresOf(FailureSubject.of(ALICE))).isEmpty();
        assertThat(failures.failuresOf(FailureSubject.of(BOB))).isPresent();
        assertThat(failures.failuresOf(FailureSubject.ofClient(IP)).orElseThrow().count()).isEqualTo(5);
        assertThatCode(() -> limits.refuseIfLocked(ALICE, "203.0.113.9")).doesNotThrowAnyException();
    }

    @Test
    void anUnknownAddressIsNotCountedAsOneClient() {
        fail(ALICE, null, 2);
        fail(BOB, null, 2);

        assertThatCode(() -> limits.refuseIfLocked(new Username("carol"), null)).doesNotThrowAnyException();
        assertThat(failures.failuresOf(FailureSubject.of(ALICE)).orElseThrow().count()).isEqualTo(2);
        fail(ALICE, null, 1);
        assertThatThrownBy(() -> limits.refuseIfLocked(ALICE, null)).isInstanceOf(CredentialsRejected.class);
    }

    @Test
    void countsOlderThanTheForgettingPointStartAgain() {
        fail(ALICE, IP, 2);
        clock.advance(Duration.ofDays(1).plusSeconds(1));

        fail(ALICE, IP, 2);

        assertThatCode(() -> limits.refuseIfLocked(ALICE, IP)).doesNotThrowAnyException();
    }
}
