package dev.wxlogin.application;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.AuthenticationFailed;
import dev.wxlogin.domain.error.LoginRejected;
import dev.wxlogin.domain.error.StorageBusy;
import dev.wxlogin.domain.error.UpstreamFailure;
import dev.wxlogin.domain.login.LoginCode;
import dev.wxlogin.domain.login.LoginCommand;
import dev.wxlogin.domain.login.LoginResult;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.port.out.ForStoringSessions;
import dev.wxlogin.domain.session.ClientInfo;
import dev.wxlogin.domain.session.DevicePolicy;
import dev.wxlogin.domain.session.LoginMethod;
import dev.wxlogin.domain.session.Session;
import dev.wxlogin.domain.session.SessionPolicy;
import dev.wxlogin.domain.user.OpenId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static dev.wxlogin.application.Fixture.APP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class LoginServiceTest {
    private final Fixture f = new Fixture();

    @Test
    void aFirstLoginCreatesTheUserAndASessionStoredOnlyByTokenHash() {
        LoginResult result = f.logIn("o-alice");

        assertThat(result.newUser()).isTrue();
        assertThat(result.user().openId().value()).isEqualTo("o-alice");
        assertThat(result.expiresIn()).isEqualTo(Duration.ofHours(2));
        Session stored = f.sessions.findByTokenHash(result.token().hash()).orElseThrow();
        assertThat(stored.userId()).contains(result.user().id());
        assertThat(stored.accountId()).isEqualTo(result.user().accountId());
        assertThat(stored.appId()).contains(Fixture.APP);
        assertThat(stored.method()).isEqualTo(LoginMethod.WECHAT);
        assertThat(stored.client().userAgent()).isEqualTo("MicroMessenger");
        assertThat(stored.tokenHash().value()).doesNotContain(result.token().reveal());
    }

    @Test
    void aLaterLoginFindsTheUserIssuesANewTokenAndKeepsTheNewestSessionKey() {
        LoginResult first = f.logIn(f.codeFor("o-bob", "Zmlyc3Qta2V5LWJvYjEyMw=="));

        LoginResult second = f.logIn(f.codeFor("o-bob", "c2Vjb25kLWtleS1ib2IxMg=="));

        assertThat(second.newUser()).isFalse();
        assertThat(second.user().id()).isEqualTo(first.user().id());
        assertThat(second.token()).isNotEqualTo(first.token());
        assertThat(f.users.sessionKeyOf(first.user().id())).contains(new SessionKey("c2Vjb25kLWtleS1ib2IxMg=="));
    }

    /** An embedder's REST layer need not know the served apps: the core refuses before it writes or asks anyone. */
    @Test
    void aLoginForAMiniProgramNotServedIsRefusedBeforeAnythingIsWrittenOrWeChatIsAsked() {
        AppId other = new AppId("wxnotserved000001");
        LoginCode code = new LoginCode("code-for-another-app");

        assertThatThrownBy(() -> f.login.logIn(new LoginCommand(other, code, ClientInfo.unknown())))
                .isInstanceOfSatisfying(LoginRejected.class, e -> assertThat(e.reason()).isEqualTo(LoginRejected.Reason.UNKNOWN_APP));

        verifyNoInteractions(f.wechat);
        assertThat(f.codes.claim(other, code, f.clock.instant(), f.clock.instant().plusSeconds(60))).isTrue();
        assertThat(f.users.count()).isZero();
        assertThat(f.sessions.count()).isZero();
    }

    @Test
    void aReplayedCodeIsRefusedWithoutAskingWeChatAgain() {
        LoginCode code = f.codeFor("o-carol");
        f.logIn(code);

        assertThatThrownBy(() -> f.logIn(code))
                .isInstanceOfSatisfying(LoginRejected.class, e -> assertThat(e.reason()).isEqualTo(LoginRejected.Reason.CODE_USED));

        verify(f.wechat, times(1)).exchange(eq(APP), eq(code));
        assertThat(f.sessions.count()).isEqualTo(1);
    }

    @Test
    void aCodeWeChatRejectedStaysSpent() {
        LoginCode code = new LoginCode("garbage-code");
        when(f.wechat.exchange(APP, code)).thenThrow(new LoginRejected(LoginRejected.Reason.INVALID_CODE));

        assertThatThrownBy(() -> f.logIn(code)).isInstanceOf(LoginRejected.class);
        assertThatThrownBy(() -> f.logIn(code))
                .isInstanceOfSatisfying(LoginRejected.class, e -> assertThat(e.reason()).isEqualTo(LoginRejected.Reason.CODE_USED));

        verify(f.wechat, times(1)).exchange(APP, code);
        assertThat(f.users.count()).isZero();
    }

    @Test
    void aCodeWeChatWasTooBusyToTakeCanBeTriedAgain() {
        LoginCode code = new LoginCode("busy-then-fine");
        when(f.wechat.exchange(APP, code))
                .thenThrow(new UpstreamFailure(UpstreamFailure.Kind.BUSY, "busy", Duration.ofSeconds(1)))
                .thenReturn(new WeChatIdentity(new OpenId("o-dave"), Optional.empty(), new SessionKey("ZGF2ZS1zZXNzaW9uLWtleQ==")));

        assertThatThrownBy(() -> f.logIn(code)).isInstanceOf(UpstreamFailure.class);
        assertThat(f.logIn(code).user().openId().value()).isEqualTo("o-dave");
    }

    @Test
    void aCodeThatNeverReachedWeChatCanBeTriedAgain() {
        LoginCode code = new LoginCode("breaker-open-then-fine");
        when(f.wechat.exchange(APP, code))
                .thenThrow(new UpstreamFailure(UpstreamFailure.Kind.UNAVAILABLE, "breaker open", Duration.ofSeconds(3), true))
                .thenReturn(new WeChatIdentity(new OpenId("o-erin2"), Optional.empty(), new SessionKey("ZXJpbi1zZXNzaW9uLWtleQ==")));

        assertThatThrownBy(() -> f.logIn(code)).isInstanceOf(UpstreamFailure.class);
        assertThat(f.logIn(code).user().openId().value()).isEqualTo("o-erin2");
    }

    @Test
    void aCodeThatMayHaveReachedWeChatIsNotTriedAgain() {
        LoginCode code = new LoginCode("maybe-spent");
        when(f.wechat.exchange(APP, code))
                .thenThrow(new UpstreamFailure(UpstreamFailure.Kind.UNAVAILABLE, "timed out", null));

        assertThatThrownBy(() -> f.logIn(code)).isInstanceOf(UpstreamFailure.class);
        assertThatThrownBy(() -> f.logIn(code)).isInstanceOf(LoginRejected.class);

        verify(f.wechat, times(1)).exchange(APP, code);
    }

    @Test
    void aDisabledAccountCannotLogInAndItsLoginRecordsNothing() {
        LoginResult first = f.logIn(f.codeFor("o-erin", "Zmlyc3Qta2V5LWVyaW4xMg=="));
        new UserAdministrationService(f.users, f.sessions, f.transactions, f.policy, f.clock).disable(first.user().id());
        int sessionsBefore = f.sessions.count();

        assertThatThrownBy(() -> f.logIn(f.codeFor("o-erin", "bmV3LWtleS1lcmluLTEyMw==")))
                .isInstanceOfSatisfying(LoginRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(LoginRejected.Reason.ACCOUNT_DISABLED));

        assertThat(f.users.sessionKeyOf(first.user().id())).contains(new SessionKey("Zmlyc3Qta2V5LWVyaW4xMg=="));
        assertThat(f.sessions.count()).isEqualTo(sessionsBefore);
    }

    @Test
    void aUserWeChatBlockedIsUserBlockedNotDisabled() {
        LoginCode code = new LoginCode("blocked-by-wechat");
        when(f.wechat.exchange(APP, code)).thenThrow(new LoginRejected(LoginRejected.Reason.USER_BLOCKED));

        assertThatThrownBy(() -> f.logIn(code)).isInstanceOfSatisfying(LoginRejected.class,
                e -> assertThat(e.reason()).isEqualTo(LoginRejected.Reason.USER_BLOCKED));
        assertThat(f.users.count()).isZero();
    }

    @Test
    void underTheSingleDevicePolicyANewLoginReplacesEveryEarlierSession() {
        Fixture single = new Fixture(SessionPolicy.of(Duration.ofHours(2), Duration.ofDays(7), DevicePolicy.SINGLE, 5));
        LoginResult phone = single.logIn("o-frank");
        LoginResult tablet = single.logIn("o-frank");

        assertThatThrownBy(() -> single.authentication.authenticate(phone.token()))
                .isInstanceOfSatisfying(AuthenticationFailed.class,
                        e -> assertThat(e.reason()).isEqualTo(AuthenticationFailed.Reason.SESSION_REPLACED));
        assertThat(single.authentication.authenticate(tablet.token()).weChatUser().id()).isEqualTo(tablet.user().id());
    }

    @Test
    void underTheMultipleDevicePolicyTheOldestSessionGoesWhenTheLimitIsExceeded() {
        Fixture multi = new Fixture(SessionPolicy.of(Duration.ofHours(2), Duration.ofDays(7), DevicePolicy.MULTIPLE, 2));
        LoginResult first = multi.logIn("o-grace");
        multi.clock.advance(Duration.ofSeconds(1));
        LoginResult second = multi.logIn("o-grace");
        multi.clock.advance(Duration.ofSeconds(1));
        LoginResult third = multi.logIn("o-grace");

        assertThatThrownBy(() -> multi.authentication.authenticate(first.token()))
                .isInstanceOfSatisfying(AuthenticationFailed.class,
                        e -> assertThat(e.reason()).isEqualTo(AuthenticationFailed.Reason.SESSION_REPLACED));
        assertThat(multi.authentication.authenticate(second.token())).isNotNull();
        assertThat(multi.authentication.authenticate(third.token())).isNotNull();
    }

    @Test
    void otherUsersSessionsAreNeverCountedAgainstTheLimit() {
        Fixture single = new Fixture(SessionPolicy.of(Duration.ofHours(2), Duration.ofDays(7), DevicePolicy.SINGLE, 1));
        LoginResult heidi = single.logIn("o-heidi");
        single.logIn("o-ivan");

        assertThat(single.authentication.authenticate(heidi.token())).isNotNull();
    }

    @Test
    void aLoginWhoseSessionCannotBeStoredReplacesNothingAndKeepsTheEarlierSessionKey() {
        Fixture single = new Fixture(SessionPolicy.of(Duration.ofHours(2), Duration.ofDays(7), DevicePolicy.SINGLE, 1));
        LoginResult phone = single.logIn(single.codeFor("o-judy", "Zmlyc3Qta2V5LWp1ZHkxMg=="));
        ForStoringSessions failing = mock(ForStoringSessions.class, delegatesTo(single.sessions));
        doThrow(new StorageBusy("The database is busy")).when(failing).insert(any());
        LoginService login = new LoginService(single.wechat, single.codes, single.users, failing, Fixture.APPS, single.transactions,
                single.policy, single.clock);
        LoginCommand command = new LoginCommand(APP, single.codeFor("o-judy", "c2Vjb25kLWtleS1qdWR5MQ=="), ClientInfo.unknown());

        assertThatThrownBy(() -> login.logIn(command)).isInstanceOf(StorageBusy.class);

        assertThat(single.authentication.authenticate(phone.token()).weChatUser().id()).isEqualTo(phone.user().id());
        assertThat(single.users.sessionKeyOf(phone.user().id())).contains(new SessionKey("Zmlyc3Qta2V5LWp1ZHkxMg=="));
    }
}
