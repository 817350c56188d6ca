package dev.wxlogin.application;

import dev.wxlogin.domain.error.AuthenticationFailed;
import dev.wxlogin.domain.error.NotFound;
import dev.wxlogin.domain.login.LoginResult;
import dev.wxlogin.domain.password.PasswordLoginResult;
import dev.wxlogin.domain.port.in.LiveSessions;
import dev.wxlogin.domain.session.Authentication;
import dev.wxlogin.domain.session.Session;
import dev.wxlogin.domain.session.SessionId;
import dev.wxlogin.domain.session.SessionToken;
import dev.wxlogin.domain.user.UserId;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class SessionManagementServiceTest {
    private final Fixture f = new Fixture();
    private final SessionManagementService management = new SessionManagementService(f.sessions, Fixture.APPS, f.policy, f.clock);

    private Authentication as(LoginResult login) {
        return f.authentication.authenticate(login.token());
    }

    private static AuthenticationFailed.Reason refusal(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(AuthenticationFailed.class);
        return ((AuthenticationFailed) thrown).reason();
    }

    @Test
    void aUserSeesOnlyTheirOwnLiveSessionsOldestFirstAndWhichOneIsAsking() {
        LoginResult phone = f.logIn("o-alice");
        f.clock.advance(Duration.ofSeconds(1));
        LoginResult laptop = f.logIn("o-alice");
        f.logIn("o-mallory");

        LiveSessions live = management.liveSessions(laptop.token());

        assertThat(live.sessions()).extracting(Session::tokenHash)
                .containsExactly(phone.token().hash(), laptop.token().hash());
        assertThat(live.current()).isEqualTo(as(laptop).session().id());
    }

    @Test
    void revokingOneSessionEndsOnlyThatOne() {
        LoginResult phone = f.logIn("o-alice");
        LoginResult laptop = f.logIn("o-alice");

        management.revoke(laptop.token(), as(phone).session().id());

        assertThat(refusal(() -> as(phone))).isEqualTo(AuthenticationFailed.Reason.SESSION_REVOKED);
        assertThat(as(laptop)).isNotNull();
    }

    @Test
    void anotherUsersSessionCannotBeRevokedOrEvenSeen() {
        LoginResult alice = f.logIn("o-alice");
        LoginResult mallory = f.logIn("o-mallory");

        assertThatThrownBy(() -> management.revoke(mallory.token(), as(alice).session().id())).isInstanceOf(NotFound.class);
        assertThat(management.liveSessions(mallory.token()).sessions()).extracting(Session::userId)
                .containsOnly(Optional.of(mallory.user().id()));
        assertThat(as(alice)).isNotNull();
    }

    /** The caller is whoever the token proves: without Alice's token, nobody can act for her. */
    @Test
    void aForgedCallerCannotRevokeSomeonesSessions() {
        LoginResult alice = f.logIn("o-alice");
        SessionId alicesSession = as(alice).session().id();
        SessionToken forged = SessionToken.generate();

        assertThat(refusal(() -> management.revoke(forged, alicesSession))).isEqualTo(AuthenticationFailed.Reason.UNAUTHENTICATED);
        assertThat(refusal(() -> management.revokeAll(forged))).isEqualTo(AuthenticationFailed.Reason.UNAUTHENTICATED);
        assertThat(refusal(() -> management.liveSessions(forged))).isEqualTo(AuthenticationFailed.Reason.UNAUTHENTICATED);

        assertThat(as(alice).session().id()).isEqualTo(alicesSession);
    }

    @Test
    void aSessionThatHasEndedCanNoLongerEndTheOthers() {
        LoginResult phone = f.logIn("o-alice");
        LoginResult laptop = f.logIn("o-alice");
        management.revoke(laptop.token(), as(phone).session().id());

        assertThat(refusal(() -> management.revokeAll(phone.token()))).isEqualTo(AuthenticationFailed.Reason.SESSION_REVOKED);

        assertThat(as(laptop)).isNotNull();
    }

    @Test
    void managingSessionsIsAUseThatKeepsTheCallersSessionAlive() {
        LoginResult login = f.logIn("o-alice");

        for (int hour = 0; hour < 2 * 3; hour++) { // three idle timeouts
            f.clock.advance(Duration.ofHours(1));
            assertThat(management.liveSessions(login.token()).sessions()).hasSize(1);
        }
    }

    @Test
    void revokingAllEndsEverySessionIncludingTheCurrentOne() {
        LoginResult phone = f.logIn("o-alice");
        LoginResult laptop = f.logIn("o-alice");
        LoginResult bob = f.logIn("o-bob");

        assertThat(management.revokeAll(laptop.token())).isEqualTo(2);

        assertThatThrownBy(() -> as(phone)).isInstanceOf(AuthenticationFailed.class);
        assertThatThrownBy(() -> as(laptop)).isInstanceOf(AuthenticationFailed.class);
        assertThat(as(bob)).isNotNull();
    }

    @Test
    void logoutIsIdempotentAndIgnoresUnknownTokens() {
        LoginResult login = f.logIn("o-alice");
        LogoutService logout = new LogoutService(f.sessions, f.clock);

        logout.logOut(login.token());
        logout.logOut(login.token());
        logout.logOut(SessionToken.generate());

        assertThat(f.sessions.findByTokenHash(login.token().hash()).orElseThrow().endedAt()).contains(f.clock.instant());
    }

    @Test
    void cleanupRemovesExpiredSessionsInBatches() {
        for (int i = 0; i < 5; i++) {
            f.logIn("o-user" + i);
        }
        f.clock.advance(Duration.ofHours(3));
        LoginResult live = f.logIn("o-late");
        SessionCleanupService cleanup = new SessionCleanupService(f.sessions, f.codes, f.loginFailures, f.policy, Fixture.FAILURE_LIMITS, 2, f.clock);

        int removed = 0;
        for (int batch; (batch = cleanup.removeExpiredBatch()) > 0; ) {
            assertThat(batch).isLessThanOrEqualTo(4);
            removed += batch;
        }

        assertThat(removed).isEqualTo(5 + 5); // five sessions, five codes past their 5 minutes
        assertThat(as(live)).isNotNull();
    }

    @Test
    void disablingAnUnknownUserIsNotFound() {
        assertThatThrownBy(() -> new UserAdministrationService(f.users, f.sessions, f.transactions, f.policy, f.clock).disable(UserId.random()))
                .isInstanceOf(NotFound.class);
    }

    /** A password session speaks for the account: its sessions of every mini program and method are the caller's. */
    @Test
    void aPasswordSessionSeesAndEndsEverySessionOfItsAccountAndNoOtherAccounts() {
        PasswordLoginResult laptop = f.register("alice", "correct horse battery");
        f.binding.bindWeChat(laptop.token(), Fixture.APP, f.codeFor("o-alice"));
        f.clock.advance(Duration.ofSeconds(1));
        LoginResult phone = f.logIn("o-alice");
        f.clock.advance(Duration.ofSeconds(1));
        PasswordLoginResult tablet = f.logInWithPassword("alice", "correct horse battery");
        LoginResult mallory = f.logIn("o-mallory");

        assertThat(management.liveSessions(tablet.token()).sessions()).extracting(Session::tokenHash)
                .containsExactly(laptop.token().hash(), phone.token().hash(), tablet.token().hash());
        assertThat(management.liveSessions(phone.token()).sessions()).extracting(Session::tokenHash)
                .containsExactly(phone.token().hash());

        management.revoke(tablet.token(), as(phone).session().id());
        assertThat(refusal(() -> as(phone))).isEqualTo(AuthenticationFailed.Reason.SESSION_REVOKED);
        assertThatThrownBy(() -> management.revoke(tablet.token(), as(mallory).session().id())).isInstanceOf(NotFound.class);

        try (SecurityEvents events = new SecurityEvents()) {
            assertThat(management.revokeAll(tablet.token())).isEqualTo(2);
            assertThat(events.lines()).containsExactly(
                    "INFO all sessions revoked account=" + laptop.account() + " count=2");
        }
        assertThat(refusal(() -> f.authentication.authenticate(laptop.token()))).isEqualTo(AuthenticationFailed.Reason.SESSION_REVOKED);
        assertThat(as(mallory)).isNotNull();
    }
}
