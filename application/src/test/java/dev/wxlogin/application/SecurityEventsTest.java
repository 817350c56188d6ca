package dev.wxlogin.application;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.LoginRejected;
import dev.wxlogin.domain.fakes.InMemorySessionStorage;
import dev.wxlogin.domain.login.LoginCode;
import dev.wxlogin.domain.login.LoginCommand;
import dev.wxlogin.domain.login.LoginResult;
import dev.wxlogin.domain.session.ClientInfo;
import dev.wxlogin.domain.session.DevicePolicy;
import dev.wxlogin.domain.session.EndReason;
import dev.wxlogin.domain.session.SessionId;
import dev.wxlogin.domain.session.SessionPolicy;
import dev.wxlogin.domain.session.SessionToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.wxlogin.application.Fixture.APP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.when;

/**
 * The audit trail operators rely on: every login, refusal, replacement, logout, revocation and disabling is one
 * line of {@code wxlogin.security}, with user and session ids and never a secret; what did not happen is not logged.
 */
class SecurityEventsTest {
    private static final String SESSION_KEY = "c2VjcmV0LXNlc3Npb24ta2V5";

    private final Fixture f = new Fixture();
    private final SecurityEvents events = new SecurityEvents();
    private final LogoutService logout = new LogoutService(f.sessions, f.clock);
    private final SessionManagementService management = new SessionManagementService(f.sessions, Fixture.APPS, f.policy, f.clock);
    private final UserAdministrationService disabling = new UserAdministrationService(f.users, f.sessions, f.transactions, f.policy, f.clock);

    @AfterEach
    void stopCapturing() {
        events.close();
    }

    private SessionId sessionOf(LoginResult login) {
        return f.sessions.findByTokenHash(login.token().hash()).orElseThrow().id();
    }

    @Test
    void aLoginNamesTheUserTheAppAndWhetherTheUserIsNewAndNoSecret() {
        LoginCode firstCode = f.codeFor("o-alice", SESSION_KEY);
        LoginResult first = f.logIn(firstCode);
        LoginResult second = f.logIn("o-alice");

        assertThat(events.lines()).containsExactly(
                "INFO login user=" + first.user().id() + " app=" + APP + " newUser=true",
                "INFO login user=" + first.user().id() + " app=" + APP + " newUser=false");
        assertThat(String.join("\n", events.lines())).doesNotContain(
                first.token().reveal(), second.token().reveal(), firstCode.value(), SESSION_KEY, "o-alice");
    }

    @Test
    void aReplayedCodeIsRecordedAsSuchWithoutTheCode() {
        LoginCode code = f.codeFor("o-alice");
        f.logIn(code);
        events.clear();

        assertThatThrownBy(() -> f.logIn(code)).isInstanceOf(LoginRejected.class);

        assertThat(events.lines()).containsExactly("INFO login refused app=" + APP + " reason=code_replayed");
    }

    @Test
    void aLoginForAnAppNotServedIsRecordedWithThatAppAndNoCode() {
        LoginCommand elsewhere = new LoginCommand(new AppId("wxnotserved000001"), new LoginCode("code-of-another-app"),
                ClientInfo.unknown());

        assertThatThrownBy(() -> f.login.logIn(elsewhere)).isInstanceOf(LoginRejected.class);

        assertThat(events.lines()).containsExactly("INFO login refused app=wxnotserved000001 reason=unknown_app");
    }

    @Test
    void aCodeWeChatRefusedIsAWarningWithWeChatsReason() {
        LoginCode code = new LoginCode("refused-by-wechat");
        when(f.wechat.exchange(APP, code)).thenThrow(new LoginRejected(LoginRejected.Reason.USER_BLOCKED));

        assertThatThrownBy(() -> f.logIn(code)).isInstanceOf(LoginRejected.class);

        assertThat(events.lines()).containsExactly("WARN login refused app=" + APP + " reason=USER_BLOCKED");
    }

    @Test
    void aDisabledAccountsLoginIsRecordedAsRefusedNotAsALogin() {
        LoginResult first = f.logIn("o-erin");
        disabling.disable(first.user().id());
        events.clear();

        assertThatThrownBy(() -> f.logIn("o-erin")).isInstanceOf(LoginRejected.class);

        assertThat(events.lines()).containsExactly(
                "INFO login refused user=" + first.user().id() + " app=" + APP + " reason=account_disabled");
    }

    @Test
    void eachSessionALoginReplacesIsRecordedBeforeTheLogin() {
        Fixture single = new Fixture(SessionPolicy.of(Duration.ofHours(2), Duration.ofDays(7), DevicePolicy.SINGLE, 1));
        LoginResult phone = single.logIn("o-frank");
        SessionId phoneSession = single.sessions.findByTokenHash(phone.token().hash()).orElseThrow().id();
        events.clear();

        single.logIn("o-frank");

        assertThat(events.lines()).containsExactly(
                "INFO session replaced user=" + phone.user().id() + " session=" + phoneSession + " policy=SINGLE",
                "INFO login user=" + phone.user().id() + " app=" + APP + " newUser=false");
    }

    @Test
    void aLogoutIsRecordedOnceAndAnUnknownTokensLogoutNotAtAll() {
        LoginResult login = f.logIn("o-bye");
        events.clear();

        logout.logOut(login.token());
        logout.logOut(login.token());
        logout.logOut(SessionToken.generate());

        assertThat(events.lines()).containsExactly("INFO logout account=" + login.user().accountId() + " session=" + sessionOf(login));
        assertThat(String.join("\n", events.lines())).doesNotContain(login.token().reveal());
    }

    @Test
    void aRevocationNamesTheSessionEndedAndTheSessionThatEndedIt() {
        LoginResult phone = f.logIn("o-alice");
        LoginResult laptop = f.logIn("o-alice");
        events.clear();

        management.revoke(laptop.token(), sessionOf(phone));

        assertThat(events.lines()).containsExactly("INFO session revoked user=" + phone.user().id()
                + " session=" + sessionOf(phone) + " by=" + sessionOf(laptop));
    }

    /** Two devices revoke the same third one at once: only the request that ended it says so. */
    @Test
    void aRevocationThatAnotherRequestBeatToItIsNotRecordedAgain() {
        LoginResult phone = f.logIn("o-alice");
        LoginResult laptop = f.logIn("o-alice");
        LoginResult tablet = f.logIn("o-alice");
        InMemorySessionStorage racing = spy(f.sessions);
        doAnswer(end -> {
            f.sessions.end(sessionOf(phone), EndReason.REVOKED, f.clock.instant()); // the tablet's request, just before
            return end.callRealMethod();
        }).when(racing).end(any(), any(), any());
        SessionManagementService laptopSide = new SessionManagementService(racing, Fixture.APPS, f.policy, f.clock);
        events.clear();

        laptopSide.revoke(laptop.token(), sessionOf(phone));

        assertThat(events.lines()).isEmpty();
        assertThat(f.sessions.findByTokenHash(phone.token().hash()).orElseThrow().endReason()).contains(EndReason.REVOKED);
        assertThat(management.liveSessions(tablet.token()).sessions()).hasSize(2);
    }

    @Test
    void revokingAllRecordsHowManySessionsEnded() {
        LoginResult phone = f.logIn("o-alice");
        LoginResult laptop = f.logIn("o-alice");
        events.clear();

        management.revokeAll(laptop.token());

        assertThat(events.lines()).containsExactly("INFO all sessions revoked user=" + phone.user().id() + " count=2");
    }

    @Test
    void disablingAUserRecordsHowManySessionsItEnded() {
        LoginResult phone = f.logIn("o-banned");
        f.logIn("o-banned");
        events.clear();

        disabling.disable(phone.user().id());

        assertThat(events.lines()).containsExactly("INFO user disabled user=" + phone.user().id() + " sessionsEnded=2");
    }

    @Test
    void enablingAUserIsRecorded() {
        LoginResult login = f.logIn("o-pardoned");
        disabling.disable(login.user().id());
        events.clear();

        disabling.enable(login.user().id());

        assertThat(events.lines()).containsExactly("INFO user enabled user=" + login.user().id());
    }

    @Test
    void anOperatorEndingAUsersSessionsRecordsHowMany() {
        LoginResult phone = f.logIn("o-lost-phone");
        f.logIn("o-lost-phone");
        events.clear();

        new UserAdministrationService(f.users, f.sessions, f.transactions, f.policy, f.clock).endAll(phone.user().id());

        assertThat(events.lines()).containsExactly(
                "INFO all sessions ended by an operator user=" + phone.user().id() + " count=2");
    }
}
