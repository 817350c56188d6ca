package dev.wxlogin.application;

import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.AuthenticationFailed;
import dev.wxlogin.domain.login.LoginResult;
import dev.wxlogin.domain.phone.PhoneNumber;
import dev.wxlogin.domain.session.ClientInfo;
import dev.wxlogin.domain.session.Session;
import dev.wxlogin.domain.session.SessionToken;
import dev.wxlogin.domain.user.OpenId;
import dev.wxlogin.domain.user.User;
import dev.wxlogin.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthenticationServiceTest {
    private final Fixture f = new Fixture();

    private AuthenticationFailed.Reason refusal(SessionToken token) {
        try {
            f.authentication.authenticate(token);
        } catch (AuthenticationFailed e) {
            return e.reason();
        }
        throw new AssertionError("the token was accepted");
    }

    @Test
    void aFreshTokenIdentifiesItsUser() {
        LoginResult login = f.logIn("o-alice");

        assertThat(f.authentication.authenticate(login.token()).user()).contains(login.user());
    }

    /** The user is read with the session on every request: what changed since the login shows at once. */
    @Test
    void theCallerIsTheUserAsStoredNow() {
        LoginResult login = f.logIn("o-alice");
        PhoneNumber phone = new PhoneNumber("13800001234", "13800001234", "86");
        f.users.savePhone(login.user().id(), phone);

        assertThat(f.authentication.authenticate(login.token()).weChatUser().phone()).contains(phone);
    }

    /** However a session outlived its user's row, it proves no one. */
    @Test
    void aWeChatSessionWhoseUserIsGoneIsUnauthenticated() {
        User gone = User.created(UserId.random(), AccountId.random(), Fixture.APP, new OpenId("o-gone"), Optional.empty(),
                f.clock.instant());
        SessionToken token = SessionToken.generate();
        f.sessions.insert(Session.start(token.hash(), gone, Fixture.APP, ClientInfo.unknown(), f.clock.instant(), f.policy));

        assertThat(refusal(token)).isEqualTo(AuthenticationFailed.Reason.UNAUTHENTICATED);
    }

    @Test
    void aRequestNamingTheSessionsOwnMiniProgramIsAccepted() {
        LoginResult login = f.logIn("o-alice");

        assertThat(f.authentication.authenticate(login.token().presentedFor(Fixture.APP)).user()).contains(login.user());
    }

    /** A token leaked from one mini program is worth nothing in another, and the answer says no more than that. */
    @Test
    void aRequestNamingAnotherMiniProgramIsUnauthenticated() {
        LoginResult login = f.logIn("o-alice");

        assertThat(refusal(login.token().presentedFor(new AppId("wxother0000000001"))))
                .isEqualTo(AuthenticationFailed.Reason.UNAUTHENTICATED);
    }

    /** Sessions of one database may be of apps another instance serves; this one does not honour them. */
    @Test
    void aSessionOfAMiniProgramThisInstanceDoesNotServeIsUnauthenticated() {
        LoginResult login = f.logIn("o-alice");
        AuthenticationService elsewhere = new AuthenticationService(f.sessions, Set.of(new AppId("wxother0000000001")),
                f.policy, f.clock);

        assertThatThrownBy(() -> elsewhere.authenticate(login.token()))
                .isInstanceOfSatisfying(AuthenticationFailed.class,
                        e -> assertThat(e.reason()).isEqualTo(AuthenticationFailed.Reason.UNAUTHENTICATED));
    }

    @Test
    void aTokenNeverIssuedIsUnauthenticated() {
        f.logIn("o-alice");

        assertThat(refusal(SessionToken.generate())).isEqualTo(AuthenticationFailed.Reason.UNAUTHENTICATED);
    }

    @Test
    void anUnusedSessionExpiresAtTheIdleTimeoutEvenBeforeCleanup() {
        LoginResult used = f.logIn("o-idle");
        LoginResult unused = f.logIn("o-idle");

        f.clock.advance(Duration.ofHours(2).minusSeconds(1));
        assertThat(f.authentication.authenticate(used.token())).isNotNull();
        f.clock.advance(Duration.ofSeconds(2));

        assertThat(refusal(unused.token())).isEqualTo(AuthenticationFailed.Reason.SESSION_EXPIRED);
        assertThat(f.authentication.authenticate(used.token())).isNotNull();
    }

    @Test
    void useSlidesTheIdleTimeout() {
        LoginResult login = f.logIn("o-active");

        for (int hour = 0; hour < 10; hour++) {
            f.clock.advance(Duration.ofHours(1));
            assertThat(f.authentication.authenticate(login.token())).isNotNull();
        }
    }

    @Test
    void theAbsoluteLifetimeEndsASessionHoweverMuchItIsUsed() {
        LoginResult login = f.logIn("o-forever");
        Instant loggedIn = f.clock.instant();

        while (f.clock.instant().isBefore(loggedIn.plus(Duration.ofDays(7)).minus(Duration.ofHours(1)))) {
            f.clock.advance(Duration.ofHours(1));
            f.authentication.authenticate(login.token());
        }
        f.clock.advance(Duration.ofHours(1));

        assertThat(refusal(login.token())).isEqualTo(AuthenticationFailed.Reason.SESSION_EXPIRED);
    }

    @Test
    void lastSeenIsWrittenAtMostOncePerTouchInterval() {
        LoginResult login = f.logIn("o-chatty");
        Instant loggedIn = f.clock.instant();

        f.clock.advance(Duration.ofSeconds(59));
        f.authentication.authenticate(login.token());
        assertThat(f.sessions.findByTokenHash(login.token().hash()).orElseThrow().lastSeenAt()).isEqualTo(loggedIn);

        f.clock.advance(Duration.ofSeconds(1));
        f.authentication.authenticate(login.token());
        assertThat(f.sessions.findByTokenHash(login.token().hash()).orElseThrow().lastSeenAt()).isEqualTo(f.clock.instant());
    }

    @Test
    void aLoggedOutTokenIsRevoked() {
        LoginResult login = f.logIn("o-bye");
        new LogoutService(f.sessions, f.clock).logOut(login.token());

        assertThat(refusal(login.token())).isEqualTo(AuthenticationFailed.Reason.SESSION_REVOKED);
    }

    @Test
    void disablingAUserEndsAllOfTheirSessions() {
        LoginResult phone = f.logIn("o-banned");
        LoginResult tablet = f.logIn("o-banned");

        new UserAdministrationService(f.users, f.sessions, f.transactions, f.policy, f.clock).disable(phone.user().id());

        assertThat(refusal(phone.token())).isEqualTo(AuthenticationFailed.Reason.SESSION_REVOKED);
        assertThat(refusal(tablet.token())).isEqualTo(AuthenticationFailed.Reason.SESSION_REVOKED);
    }

    /** However a disabled account's session escaped being ended, its token is answered as revoked: 401, not 403. */
    @Test
    void aTokenOfADisabledAccountIsRevokedEvenIfItsSessionWasNeverEnded() {
        LoginResult login = f.logIn("o-escaped");
        f.users.disable(login.user().id(), f.clock.instant());

        assertThat(refusal(login.token())).isEqualTo(AuthenticationFailed.Reason.SESSION_REVOKED);
    }

    /** A password session is the account's: no mini program issued it, so no instance's apps or request's app matter. */
    @Test
    void aPasswordSessionIsItsAccountsOnEveryInstanceAndForEveryMiniProgram() {
        var registered = f.register("alice", "correct horse battery");
        AuthenticationService elsewhere = new AuthenticationService(f.sessions, Set.of(new AppId("wxelsewhere000001")),
                f.policy, f.clock);

        var caller = f.authentication.authenticate(registered.token().presentedFor(Fixture.APP));
        assertThat(caller.user()).isEmpty();
        assertThat(caller.accountId()).isEqualTo(registered.account());
        assertThat(elsewhere.authenticate(registered.token()).accountId()).isEqualTo(registered.account());
    }

    @Test
    void aPasswordSessionExpiresAndIsRenewedAsEveryOther() {
        var registered = f.register("alice", "correct horse battery");
        f.clock.advance(f.policy.touchInterval().plusSeconds(1));

        assertThat(f.authentication.authenticate(registered.token()).session().lastSeenAt()).isEqualTo(f.clock.instant());
        f.clock.advance(f.policy.idle().plusSeconds(1));
        assertThat(refusal(registered.token())).isEqualTo(AuthenticationFailed.Reason.SESSION_EXPIRED);
    }
}
