package dev.wxlogin.application;

import dev.wxlogin.domain.error.AuthenticationFailed;
import dev.wxlogin.domain.error.CredentialsRejected;
import dev.wxlogin.domain.login.LoginResult;
import dev.wxlogin.domain.password.PasswordLoginResult;
import dev.wxlogin.domain.password.Username;
import dev.wxlogin.domain.session.Authentication;
import dev.wxlogin.domain.session.DevicePolicy;
import dev.wxlogin.domain.session.LoginMethod;
import dev.wxlogin.domain.session.Session;
import dev.wxlogin.domain.session.SessionPolicy;
import dev.wxlogin.domain.session.SessionToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PasswordLoginServiceTest {
    private static final String PASSWORD = "correct horse battery";

    private final Fixture f = new Fixture();
    private final SecurityEvents events = new SecurityEvents();

    @AfterEach
    void stopCapturing() {
        events.close();
    }

    private Session sessionOf(SessionToken token) {
        return f.sessions.findByTokenHash(token.hash()).orElseThrow();
    }

    private static CredentialsRejected.Reason refusal(Runnable attempt) {
        return catchThrowableOfType(CredentialsRejected.class, attempt::run).reason();
    }

    private AuthenticationFailed.Reason authenticationFailure(SessionToken token) {
        return catchThrowableOfType(AuthenticationFailed.class, () -> f.authentication.authenticate(token)).reason();
    }

    @Test
    void registrationMakesAnAccountAndLogsItInWithAPasswordSession() {
        PasswordLoginResult registered = f.register("Alice", PASSWORD);

        assertThat(registered.newAccount()).isTrue();
        assertThat(registered.username()).isEqualTo(new Username("alice"));
        assertThat(registered.expiresIn()).isEqualTo(f.policy.expiresIn());
        Session session = sessionOf(registered.token());
        assertThat(session.method()).isEqualTo(LoginMethod.PASSWORD);
        assertThat(session.accountId()).isEqualTo(registered.account());
        assertThat(session.client()).isEqualTo(Fixture.BROWSER);
        Authentication caller = f.authentication.authenticate(registered.token());
        assertThat(caller.user()).isEmpty();
        assertThat(caller.accountId()).isEqualTo(registered.account());
        assertThat(f.passwords.find(new Username("alice")).orElseThrow().account()).isEqualTo(registered.account());
        assertThat(events.lines()).containsExactly("INFO account registered account=" + registered.account());
    }

    @Test
    void aTakenNameOrACommonPasswordRegistersNothingAndStartsNoSession() {
        f.register("alice", PASSWORD);
        int sessionsBefore = f.sessions.count();

        assertThat(refusal(() -> f.register("ALICE", "another good one"))).isEqualTo(CredentialsRejected.Reason.USERNAME_TAKEN);
        assertThat(refusal(() -> f.register("bob", "Password1"))).isEqualTo(CredentialsRejected.Reason.COMMON_PASSWORD);
        assertThat(f.sessions.count()).isEqualTo(sessionsBefore);
        assertThat(f.passwords.find(new Username("bob"))).isEmpty();
    }

    @Test
    void theNameAndPasswordLogTheAccountInAgainWithANewSession() {
        PasswordLoginResult registered = f.register("alice", PASSWORD);
        PasswordLoginResult login = f.logInWithPassword("ALICE", PASSWORD);

        assertThat(login.newAccount()).isFalse();
        assertThat(login.account()).isEqualTo(registered.account());
        assertThat(login.username()).isEqualTo(new Username("alice"));
        assertThat(login.expiresIn()).isEqualTo(f.policy.expiresIn());
        assertThat(login.token()).isNotEqualTo(registered.token());
        assertThat(sessionOf(login.token()).method()).isEqualTo(LoginMethod.PASSWORD);
        assertThat(f.authentication.authenticate(login.token()).accountId()).isEqualTo(registered.account());
        assertThat(f.authentication.authenticate(registered.token()).accountId()).isEqualTo(registered.account());
        assertThat(events.lines()).endsWith("INFO password login account=" + registered.account());
    }

    /** The device policy counts the account's password sessions under the account's lock: see JdbiPasswordStorageAdapterTest. */
    @Test
    void registrationAndLoginTakeTheAccountsLockBeforeCountingItsSessions() {
        PasswordLoginResult registered = f.register("alice", PASSWORD);
        f.logInWithPassword("alice", PASSWORD);

        assertThat(f.passwords.locked()).containsExactly(registered.account(), registered.account());
    }

    @Test
    void anUnknownNameAndAWrongPasswordAreOneRefusalAndStartNoSession() {
        f.register("alice", PASSWORD);
        int sessionsBefore = f.sessions.count();

        assertThat(refusal(() -> f.logInWithPassword("alice", "not the password")))
                .isEqualTo(CredentialsRejected.Reason.INVALID_CREDENTIALS);
        assertThat(refusal(() -> f.logInWithPassword("nobody", PASSWORD)))
                .isEqualTo(CredentialsRejected.Reason.INVALID_CREDENTIALS);
        assertThat(f.sessions.count()).isEqualTo(sessionsBefore);
    }

    @Test
    void withOneDeviceANewPasswordLoginReplacesTheAccountsPasswordSessionButNoWeChatSession() {
        Fixture single = new Fixture(SessionPolicy.of(Duration.ofHours(2), Duration.ofDays(7), DevicePolicy.SINGLE, 1));
        PasswordLoginResult first = single.register("alice", PASSWORD);
        single.binding.bindWeChat(first.token(), Fixture.APP, single.codeFor("o-alice"));
        LoginResult phone = single.logIn("o-alice");
        assertThat(phone.user().accountId()).isEqualTo(first.account());
        PasswordLoginResult second = single.logInWithPassword("alice", PASSWORD);

        assertThat(catchThrowableOfType(AuthenticationFailed.class, () -> single.authentication.authenticate(first.token()))
                .reason()).isEqualTo(AuthenticationFailed.Reason.SESSION_REPLACED);
        assertThat(single.authentication.authenticate(second.token()).accountId()).isEqualTo(first.account());
        assertThat(single.authentication.authenticate(phone.token()).user()).contains(phone.user());
    }

    @Test
    void withSeveralDevicesTheOldestPasswordSessionBeyondTheLimitIsReplacedAndLogged() {
        Fixture two = new Fixture(SessionPolicy.of(Duration.ofHours(2), Duration.ofDays(7), DevicePolicy.MULTIPLE, 2));
        try (SecurityEvents log = new SecurityEvents()) {
            PasswordLoginResult first = two.register("alice", PASSWORD);
            two.clock.advance(Duration.ofSeconds(1));
            PasswordLoginResult second = two.logInWithPassword("alice", PASSWORD);
            two.clock.advance(Duration.ofSeconds(1));
            PasswordLoginResult third = two.logInWithPassword("alice", PASSWORD);

            assertThat(catchThrowableOfType(AuthenticationFailed.class, () -> two.authentication.authenticate(first.token()))
                    .reason()).isEqualTo(AuthenticationFailed.Reason.SESSION_REPLACED);
            assertThat(two.authentication.authenticate(second.token()).accountId()).isEqualTo(first.account());
            assertThat(two.authentication.authenticate(third.token()).accountId()).isEqualTo(first.account());
            assertThat(log.lines()).contains("INFO session replaced account=" + first.account() + " session="
                    + two.sessions.findByTokenHash(first.token().hash()).orElseThrow().id() + " policy=MULTIPLE");
        }
    }
}
