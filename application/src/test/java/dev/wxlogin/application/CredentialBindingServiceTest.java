package dev.wxlogin.application;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.AuthenticationFailed;
import dev.wxlogin.domain.error.CredentialsRejected;
import dev.wxlogin.domain.error.InvalidInput;
import dev.wxlogin.domain.error.LoginRejected;
import dev.wxlogin.domain.error.WeChatBoundElsewhere;
import dev.wxlogin.domain.login.LoginCode;
import dev.wxlogin.domain.login.LoginResult;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.password.Password;
import dev.wxlogin.domain.password.PasswordLoginResult;
import dev.wxlogin.domain.password.Username;
import dev.wxlogin.domain.session.SessionToken;
import dev.wxlogin.domain.user.OpenId;
import dev.wxlogin.domain.user.UnionId;
import dev.wxlogin.domain.user.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class CredentialBindingServiceTest {
    private static final String OLD = "correct horse battery";
    private static final String NEW = "staple grape lantern";

    private final Fixture f = new Fixture();
    private final SecurityEvents events = new SecurityEvents();
    private final UserAdministrationService administration =
            new UserAdministrationService(f.users, f.sessions, f.transactions, f.policy, f.clock);

    @AfterEach
    void stopCapturing() {
        events.close();
    }

    private Username setPassword(SessionToken caller, String username, String password, String current) {
        return f.binding.setPassword(caller, Optional.ofNullable(username).map(Username::new), new Password(password),
                Optional.ofNullable(current).map(Password::new), Fixture.BROWSER);
    }

    private static CredentialsRejected.Reason refusal(Runnable attempt) {
        return catchThrowableOfType(CredentialsRejected.class, attempt::run).reason();
    }

    private boolean live(SessionToken token) {
        try {
            f.authentication.authenticate(token);
            return true;
        } catch (AuthenticationFailed ended) {
            return false;
        }
    }

    private LoginCode codeWithUnionId(String openId, String unionId) {
        LoginCode code = new LoginCode("code-" + openId + "-" + unionId);
        when(f.wechat.exchange(eq(Fixture.APP), eq(code))).thenReturn(new WeChatIdentity(new OpenId(openId),
                Optional.of(new UnionId(unionId)), new SessionKey("a2V5LW9mLXNlc3Npb24xMQ==")));
        return code;
    }

    @Test
    void aWeChatUserGivesTheirAccountANameAndPasswordThatThenLogIntoIt() {
        LoginResult wechat = f.logIn("o-alice");

        assertThat(setPassword(wechat.token(), "Alice", OLD, null)).isEqualTo(new Username("alice"));

        PasswordLoginResult login = f.logInWithPassword("alice", OLD);
        assertThat(login.account()).isEqualTo(wechat.user().accountId());
        assertThat(live(wechat.token())).as("a first password ends no session").isTrue();
        assertThat(events.lines()).contains("INFO username added account=" + wechat.user().accountId());
    }

    @Test
    void aFirstPasswordNeedsAUsernameThatNoOtherAccountHas() {
        f.register("alice", OLD);
        LoginResult wechat = f.logIn("o-bob");

        assertThatThrownBy(() -> setPassword(wechat.token(), null, OLD, null)).isInstanceOf(InvalidInput.class);
        assertThat(refusal(() -> setPassword(wechat.token(), "ALICE", NEW, null)))
                .isEqualTo(CredentialsRejected.Reason.USERNAME_TAKEN);
        assertThat(refusal(() -> setPassword(wechat.token(), "bob", "Password1", null)))
                .isEqualTo(CredentialsRejected.Reason.COMMON_PASSWORD);
        assertThat(f.passwords.usernamesOf(wechat.user().accountId())).isEmpty();
    }

    @Test
    void aChangedPasswordEndsEveryOtherSessionOfTheAccountAndKeepsTheCallers() {
        PasswordLoginResult laptop = f.register("alice", OLD);
        PasswordLoginResult tablet = f.logInWithPassword("alice", OLD);
        f.binding.bindWeChat(laptop.token(), Fixture.APP, f.codeFor("o-alice"));
        LoginResult phone = f.logIn("o-alice");
        PasswordLoginResult stranger = f.register("mallory", OLD);

        assertThat(setPassword(laptop.token(), null, NEW, OLD)).isEqualTo(new Username("alice"));

        assertThat(live(laptop.token())).isTrue();
        assertThat(live(tablet.token())).isFalse();
        assertThat(live(phone.token())).isFalse();
        assertThat(live(stranger.token())).isTrue();
        assertThat(f.logInWithPassword("alice", NEW).account()).isEqualTo(laptop.account());
        assertThat(refusal(() -> f.logInWithPassword("alice", OLD))).isEqualTo(CredentialsRejected.Reason.INVALID_CREDENTIALS);
        assertThat(events.lines()).containsSubsequence("INFO password changed account=" + laptop.account(),
                "INFO sessions ended by a password change account=" + laptop.account() + " count=2");
    }

    /** A guesser with a stolen session costs one hash per attempt, the check of the current password, not two. */
    @Test
    void theNewPasswordIsHashedOnlyOnceTheCurrentOneIsProven() {
        PasswordLoginResult laptop = f.register("alice", OLD);
        refusal(() -> setPassword(laptop.token(), null, NEW, "not the password")); // after the dummy hash, made apart
        int hashes = f.hasher.hashes;

        refusal(() -> setPassword(laptop.token(), null, NEW, "not the password"));
        assertThat(f.hasher.hashes).isEqualTo(hashes);

        setPassword(laptop.token(), null, NEW, OLD);
        assertThat(f.hasher.hashes).isEqualTo(hashes + 1);
    }

    @Test
    void aCommonNewPasswordIsRefusedBeforeTheCurrentOneIsCheckedAndCountsNoFailure() {
        PasswordLoginResult laptop = f.register("alice", OLD);

        for (int i = 0; i < Fixture.FAILURE_LIMITS.perUsername(); i++) {
            assertThat(refusal(() -> setPassword(laptop.token(), null, "Password1", "not the password")))
                    .isEqualTo(CredentialsRejected.Reason.COMMON_PASSWORD);
        }

        assertThat(setPassword(laptop.token(), null, NEW, OLD)).isEqualTo(new Username("alice"));
    }

    @Test
    void aChangeNeedsTheCurrentPasswordAndAWrongOneChangesNothingAndCountsAsAFailedLogin() {
        PasswordLoginResult laptop = f.register("alice", OLD);
        PasswordLoginResult tablet = f.logInWithPassword("alice", OLD);

        assertThatThrownBy(() -> setPassword(laptop.token(), null, NEW, null)).isInstanceOf(InvalidInput.class);
        for (int i = 0; i < Fixture.FAILURE_LIMITS.perUsername(); i++) {
            assertThat(refusal(() -> setPassword(laptop.token(), null, NEW, "not the password")))
                    .isEqualTo(CredentialsRejected.Reason.WRONG_CURRENT_PASSWORD);
        }
        assertThat(refusal(() -> setPassword(laptop.token(), null, NEW, OLD)))
                .isEqualTo(CredentialsRejected.Reason.TOO_MANY_FAILURES);
        assertThat(live(tablet.token())).isTrue();
        f.clock.advance(Fixture.FAILURE_LIMITS.maxLock());
        assertThat(f.logInWithPassword("alice", OLD).account()).isEqualTo(laptop.account());
    }

    @Test
    void aWrongCurrentPasswordIsLoggedAndARightOneStartsTheNamesCountAgain() {
        PasswordLoginResult laptop = f.register("alice", OLD);
        int belowTheLimit = Fixture.FAILURE_LIMITS.perUsername() - 1;
        for (int i = 0; i < belowTheLimit; i++) {
            refusal(() -> setPassword(laptop.token(), null, NEW, "not the password"));
        }
        assertThat(events.lines()).contains(
                "INFO password change refused account=" + laptop.account() + " reason=wrong_current_password");

        setPassword(laptop.token(), null, NEW, OLD);
        for (int i = 0; i < belowTheLimit; i++) {
            refusal(() -> f.logInWithPassword("alice", "not the password"));
        }

        assertThat(f.logInWithPassword("alice", NEW).account()).isEqualTo(laptop.account());
    }

    @Test
    void anAccountKeepsTheNameItHas() {
        PasswordLoginResult laptop = f.register("alice", OLD);

        assertThat(refusal(() -> setPassword(laptop.token(), "alicia", NEW, OLD)))
                .isEqualTo(CredentialsRejected.Reason.USERNAME_ALREADY_SET);
        assertThat(setPassword(laptop.token(), "ALICE", NEW, OLD)).isEqualTo(new Username("alice"));
        assertThat(f.passwords.usernamesOf(laptop.account())).containsExactly(new Username("alice"));
    }

    @Test
    void aPasswordAccountGainsWeChatAndTheWeChatLoginThenReachesIt() {
        PasswordLoginResult web = f.register("alice", OLD);

        User bound = f.binding.bindWeChat(web.token(), Fixture.APP, f.codeFor("o-alice"));

        assertThat(bound.accountId()).isEqualTo(web.account());
        assertThat(bound.appId()).isEqualTo(Fixture.APP);
        LoginResult phone = f.logIn("o-alice");
        assertThat(phone.user().id()).isEqualTo(bound.id());
        assertThat(phone.user().accountId()).isEqualTo(web.account());
        assertThat(events.lines()).containsSubsequence(
                "INFO wechat bound account=" + web.account() + " app=" + Fixture.APP + " user=" + bound.id());
    }

    @Test
    void aWeChatUserOrAUnionIdOfAnotherAccountIsNotBound() {
        LoginResult elsewhere = f.logIn("o-alice");
        f.logIn(codeWithUnionId("o-bob", "u-bob"));
        PasswordLoginResult web = f.register("carol", OLD);

        assertThatThrownBy(() -> f.binding.bindWeChat(web.token(), Fixture.APP, f.codeFor("o-alice")))
                .isInstanceOf(WeChatBoundElsewhere.class);
        assertThatThrownBy(() -> f.binding.bindWeChat(web.token(), Fixture.APP, codeWithUnionId("o-bob2", "u-bob")))
                .isInstanceOf(WeChatBoundElsewhere.class);

        assertThat(f.logIn("o-alice").user().accountId()).isEqualTo(elsewhere.user().accountId());
        assertThat(events.lines()).containsSubsequence(
                "INFO wechat binding refused account=" + web.account() + " app=" + Fixture.APP
                        + " reason=USER_OF_ANOTHER_ACCOUNT",
                "INFO wechat binding refused account=" + web.account() + " app=" + Fixture.APP
                        + " reason=UNIONID_OF_ANOTHER_ACCOUNT");
    }

    @Test
    void aDisabledUserIsNotBoundAgain() {
        PasswordLoginResult web = f.register("alice", OLD);
        User bound = f.binding.bindWeChat(web.token(), Fixture.APP, f.codeFor("o-alice"));
        administration.disable(bound.id());

        assertThat(catchThrowableOfType(LoginRejected.class,
                () -> f.binding.bindWeChat(web.token(), Fixture.APP, f.codeFor("o-alice"))).reason())
                .isEqualTo(LoginRejected.Reason.ACCOUNT_DISABLED);
    }

    @Test
    void aMiniProgramThisServerDoesNotServeIsRefusedBeforeWeChatIsAsked() {
        PasswordLoginResult web = f.register("alice", OLD);

        assertThat(catchThrowableOfType(LoginRejected.class, () -> f.binding.bindWeChat(web.token(),
                new AppId("wxnotserved000001"), new LoginCode("any-code"))).reason())
                .isEqualTo(LoginRejected.Reason.UNKNOWN_APP);
        verify(f.wechat, never()).exchange(any(), any());
    }

    @Test
    void bothNeedALiveSession() {
        SessionToken nobody = SessionToken.generate();

        assertThatThrownBy(() -> setPassword(nobody, "alice", OLD, null)).isInstanceOf(AuthenticationFailed.class);
        assertThatThrownBy(() -> f.binding.bindWeChat(nobody, Fixture.APP, f.codeFor("o-alice")))
                .isInstanceOf(AuthenticationFailed.class);
        verify(f.wechat, never()).exchange(any(), any());
    }
}
