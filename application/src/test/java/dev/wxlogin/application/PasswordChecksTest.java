package dev.wxlogin.application;

import dev.wxlogin.domain.error.CredentialsRejected;
import dev.wxlogin.domain.password.Password;
import dev.wxlogin.domain.password.PasswordHash;
import dev.wxlogin.domain.port.out.ForHashingPasswords;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordChecksTest {
    private static final Password PASSWORD = new Password("correct horse battery");

    private final CountingPasswordHasher hasher = new CountingPasswordHasher();
    private final PasswordChecks checks = new PasswordChecks(hasher, password -> password.lowerCase().equals("password1"));

    @Test
    void aNewPasswordIsHashedUnlessItIsACommonOne() {
        PasswordHash hash = checks.hashNew(PASSWORD);

        assertThat(checks.matches(PASSWORD, Optional.of(hash))).isTrue();
        assertThatThrownBy(() -> checks.hashNew(new Password("Password1")))
                .isInstanceOfSatisfying(CredentialsRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(CredentialsRejected.Reason.COMMON_PASSWORD));
    }

    @Test
    void aWrongPasswordDoesNotMatch() {
        PasswordHash hash = checks.hashNew(PASSWORD);

        assertThat(checks.matches(new Password("correct horse battery!"), Optional.of(hash))).isFalse();
    }

    @Test
    void withoutAStoredHashThePasswordIsVerifiedAgainstADummyMadeTheSameWayAndNeverMatches() {
        assertThat(checks.matches(PASSWORD, Optional.empty())).isFalse();

        assertThat(hasher.verified).hasSize(1);
        assertThat(hasher.needsRehash(hasher.verified.getFirst())).isFalse(); // the current parameters
        assertThat(hasher.verify(PASSWORD, hasher.verified.getFirst())).isFalse();
    }

    @Test
    void theDummyIsHashedOnAThreadOfItsOwnOnceAskedForSoThatNeitherMakingNorPreparingTheChecksWaitsForIt()
            throws Exception {
        CompletableFuture<Thread> hashedOn = new CompletableFuture<>();
        PasswordChecks prepared =
                new PasswordChecks(new GatedHasher(hasher, () -> hashedOn.complete(Thread.currentThread())), password -> false);
        assertThat(hasher.hashes).isZero(); // not while the server starts

        prepared.prepare();
        prepared.prepare();

        assertThat(hashedOn.get(10, TimeUnit.SECONDS)).isNotSameAs(Thread.currentThread());
        assertThat(prepared.matches(PASSWORD, Optional.empty())).isFalse();
        assertThat(hasher.hashes).isEqualTo(1);
    }

    @Test
    void everyUnknownNameIsVerifiedAgainstTheOneDummyMadeOnceEvenWhenManyComeAtOnce() throws Exception {
        int logins = 8;
        try (ExecutorService threads = Executors.newFixedThreadPool(logins)) {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < logins; i++) {
                answers.add(threads.submit(() -> checks.matches(PASSWORD, Optional.empty())));
            }
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get()).isFalse();
            }
        }

        assertThat(hasher.hashes).isEqualTo(1); // the dummy, made once, not per request
        assertThat(hasher.verified).hasSize(logins).containsOnly(hasher.verified.getFirst()); // no name skips hashing
    }

    @Test
    void aCheckThatComesBeforeTheDummyIsReadyWaitsForItEvenForAKnownName() throws Exception {
        PasswordHash stored = hasher.hash(PASSWORD);
        CountDownLatch gate = new CountDownLatch(1);
        GatedHasher gated = new GatedHasher(hasher, () -> await(gate));
        PasswordChecks early = new PasswordChecks(gated, password -> false);
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Thread login = Thread.ofPlatform().start(() -> answer.complete(early.matches(PASSWORD, Optional.of(stored))));

        while (login.getState() != Thread.State.WAITING && login.getState() != Thread.State.TERMINATED) {
            Thread.onSpinWait(); // until the check parks (waiting for the dummy) or, without the wait, has answered
        }
        gate.countDown();

        assertThat(answer.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(gated.verifiedBeforeTheDummy).isFalse();
    }

    private static void await(CountDownLatch gate) {
        try {
            if (!gate.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the gate was never opened: the dummy was hashed on the thread that waits");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs {@code beforeHashing} as each hash starts; remembers whether any verification came before a hash ended. */
    static final class GatedHasher implements ForHashingPasswords {
        private final ForHashingPasswords hasher;
        private final Runnable beforeHashing;
        private volatile boolean hashed;
        volatile boolean verifiedBeforeTheDummy;

        GatedHasher(ForHashingPasswords hasher, Runnable beforeHashing) {
            this.hasher = hasher;
            this.beforeHashing = beforeHashing;
        }

        @Override
        public PasswordHash hash(Password password) {
            beforeHashing.run();
            PasswordHash hash = hasher.hash(password);
            hashed = true;
            return hash;
        }

        @Override
        public boolean verify(Password password, PasswordHash hash) {
            verifiedBeforeTheDummy |= !hashed;
            return hasher.verify(password, hash);
        }

        @Override
        public boolean needsRehash(PasswordHash hash) {
            return hasher.needsRehash(hash);
        }
    }

    @Test
    void aHashMadeWithOtherParametersIsMadeAgainEvenOfAPasswordThatIsCommonByNow() {
        PasswordHash old = checks.hashNew(PASSWORD);
        PasswordHash oldCommon = hasher.hash(new Password("Password1"));
        hasher.version = 2;

        PasswordHash fresh = checks.rehashed(PASSWORD, old).orElseThrow();
        assertThat(hasher.needsRehash(fresh)).isFalse();
        assertThat(checks.matches(PASSWORD, Optional.of(fresh))).isTrue();
        assertThat(checks.rehashed(new Password("Password1"), oldCommon)).isPresent();
        assertThat(checks.rehashed(PASSWORD, fresh)).isEmpty();
    }
}
