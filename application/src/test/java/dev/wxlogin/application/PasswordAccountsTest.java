package dev.wxlogin.application;

import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.error.CredentialsRejected;
import dev.wxlogin.domain.fakes.InMemoryLoginFailures;
import dev.wxlogin.domain.fakes.InMemoryPasswordStorage;
import dev.wxlogin.domain.fakes.MutableClock;
import dev.wxlogin.domain.password.FailureSubject;
import dev.wxlogin.domain.password.Password;
import dev.wxlogin.domain.password.PasswordHash;
import dev.wxlogin.domain.password.Username;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PasswordAccountsTest {
    private static final Username ALICE = new Username("alice");
    private static final Password PASSWORD = new Password("correct horse battery");
    private static final Password WRONG = new Password("correct horse battery!");
    private static final String IP = "198.51.100.4";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final CountingPasswordHasher hasher = new CountingPasswordHasher();
    private final InMemoryPasswordStorage passwords = new InMemoryPasswordStorage();
    private final InMemoryLoginFailures failures = new InMemoryLoginFailures();
    private final PasswordAccounts accounts = new PasswordAccounts(passwords,
            new PasswordChecks(hasher, password -> password.lowerCase().equals("password1")),
            new FailedLoginLimits(failures, Fixture.FAILURE_LIMITS, clock), clock);

    private CredentialsRejected.Reason refusal(Runnable attempt) {
        return catchThrowableOfType(CredentialsRejected.class, attempt::run).reason();
    }

    /** The server calls it once it answers: the dummy is then made at once, before any check asks for it. */
    @Test
    void preparingStartsTheDummyHashBeforeAnyCheck() throws Exception {
        CompletableFuture<Void> hashing = new CompletableFuture<>();
        PasswordAccounts prepared = new PasswordAccounts(passwords, new PasswordChecks(
                new PasswordChecksTest.GatedHasher(hasher, () -> hashing.complete(null)), password -> false),
                new FailedLoginLimits(failures, Fixture.FAILURE_LIMITS, clock), clock);

        prepared.prepare();

        hashing.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRegisteredNameAndPasswordProveTheirAccount() {
        AccountId account = accounts.register(ALICE, accounts.hashNew(PASSWORD));

        assertThat(accounts.verify(new Username("Alice"), PASSWORD, IP)).isEqualTo(account);
    }

    @Test
    void aTakenNameOrACommonPasswordIsRefusedAndRegistersNothing() {
        accounts.register(ALICE, accounts.hashNew(PASSWORD));

        assertThat(refusal(() -> accounts.register(new Username("ALICE"), accounts.hashNew(WRONG))))
                .isEqualTo(CredentialsRejected.Reason.USERNAME_TAKEN);
        assertThat(refusal(() -> accounts.register(new Username("bob"), accounts.hashNew(new Password("Password1")))))
                .isEqualTo(CredentialsRejected.Reason.COMMON_PASSWORD);
        assertThat(passwords.find(new Username("bob"))).isEmpty();
    }

    @Test
    void anUnknownNameAndAWrongPasswordFailAlikeAfterTheSameWorkAndBothCount() {
        accounts.register(ALICE, accounts.hashNew(PASSWORD));
        int verifiedBefore = hasher.verified.size();

        assertThat(refusal(() -> accounts.verify(ALICE, WRONG, IP))).isEqualTo(CredentialsRejected.Reason.INVALID_CREDENTIALS);
        assertThat(refusal(() -> accounts.verify(new Username("nobody"), PASSWORD, IP)))
                .isEqualTo(CredentialsRejected.Reason.INVALID_CREDENTIALS);

        assertThat(hasher.verified).hasSize(verifiedBefore + 2); // one Argon2 verification each
        assertThat(failures.failuresOf(FailureSubject.of(ALICE)).orElseThrow().count()).isEqualTo(1);
        assertThat(failures.failuresOf(FailureSubject.of(new Username("nobody"))).orElseThrow().count()).isEqualTo(1);
        assertThat(failures.failuresOf(FailureSubject.ofClient(IP)).orElseThrow().count()).isEqualTo(2);
    }

    @Test
    void aLockedNameIsRefusedEvenWithTheRightPasswordWithoutHashingAndASuccessAfterTheLockResetsIt() {
        accounts.register(ALICE, accounts.hashNew(PASSWORD));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> accounts.verify(ALICE, WRONG, IP)).isInstanceOf(CredentialsRejected.class);
        }
        int verifiedBefore = hasher.verified.size();

        CredentialsRejected locked = catchThrowableOfType(CredentialsRejected.class, () -> accounts.verify(ALICE, PASSWORD, IP));

        assertThat(locked.reason()).isEqualTo(CredentialsRejected.Reason.TOO_MANY_FAILURES);
        assertThat(locked.retryAfter()).contains(Duration.ofMinutes(1));
        assertThat(hasher.verified).hasSize(verifiedBefore);
        clock.advance(Duration.ofMinutes(1));
        accounts.verify(ALICE, PASSWORD, IP);
        assertThat(failures.failuresOf(FailureSubject.of(ALICE))).isEmpty();
        assertThat(failures.failuresOf(FailureSubject.ofClient(IP))).isPresent();
    }

    @Test
    void aLoginWithAHashOfOutdatedParametersStoresANewOne() {
        AccountId account = accounts.register(ALICE, accounts.hashNew(PASSWORD));
        PasswordHash old = passwords.find(ALICE).orElseThrow().hash();
        hasher.version = 2;

        assertThat(accounts.verify(ALICE, PASSWORD, IP)).isEqualTo(account);

        PasswordHash fresh = passwords.find(ALICE).orElseThrow().hash();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(hasher.needsRehash(fresh)).isFalse();
        int hashes = hasher.hashes;
        accounts.verify(ALICE, PASSWORD, IP);
        assertThat(hasher.hashes).isEqualTo(hashes); // current already: not made again
    }

    @Test
    void theAuditTrailSaysWhatHappenedButNeverTheNameOrThePassword() {
        try (SecurityEvents events = new SecurityEvents()) {
            AccountId account = accounts.register(ALICE, accounts.hashNew(PASSWORD));
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> accounts.verify(ALICE, WRONG, IP)).isInstanceOf(CredentialsRejected.class);
            }
            assertThatThrownBy(() -> accounts.verify(ALICE, PASSWORD, IP)).isInstanceOf(CredentialsRejected.class);

            assertThat(events.lines()).startsWith("INFO account registered account=" + account)
                    .contains("INFO password login refused reason=invalid_credentials")
                    .endsWith("INFO password login refused reason=too_many_failures");
            assertThat(String.join("\n", events.lines())).doesNotContain("alice").doesNotContain("correct horse");
        }
    }

    @Test
    void aPasswordIsChangedOnlyForTheAccountWhoseNameItIs() {
        AccountId alices = accounts.register(ALICE, accounts.hashNew(PASSWORD));

        assertThat(refusal(() -> accounts.changePassword(AccountId.random(), ALICE, PASSWORD, WRONG, IP)))
                .isEqualTo(CredentialsRejected.Reason.WRONG_CURRENT_PASSWORD);
        assertThat(accounts.verify(ALICE, PASSWORD, IP)).isEqualTo(alices);
    }
}
