package dev.wxlogin.application;

import dev.wxlogin.domain.error.AuthenticationFailed;
import dev.wxlogin.domain.error.InvalidInput;
import dev.wxlogin.domain.error.NotFound;
import dev.wxlogin.domain.login.LoginCode;
import dev.wxlogin.domain.login.LoginResult;
import dev.wxlogin.domain.port.out.ForMintingSandboxCodes;
import dev.wxlogin.domain.session.Authentication;
import dev.wxlogin.domain.session.Session;
import dev.wxlogin.domain.session.SessionToken;
import dev.wxlogin.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.wxlogin.application.Fixture.APP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class SessionManagementServiceTest {
    private final Fixture f = new Fixture();
    private final SessionManagementService management = new SessionManagementService(f.sessions, f.policy, f.clock);

    private Authentication as(LoginResult login) {
        return f.authentication.authenticate(login.token());
    }

    @Test
    void aUserSeesOnlyTheirOwnLiveSessionsOldestFirst() {
        LoginResult phone = f.logIn("o-alice");
        f.clock.advance(Duration.ofSeconds(1));
        LoginResult laptop = f.logIn("o-alice");
        f.logIn("o-mallory");

        assertThat(management.liveSessions(as(laptop))).extracting(Session::tokenHash)
                .containsExactly(phone.token().hash(), laptop.token().hash());
    }

    @Test
    void revokingOneSessionEndsOnlyThatOne() {
        LoginResult phone = f.logIn("o-alice");
        LoginResult laptop = f.logIn("o-alice");

        management.revoke(as(laptop), as(phone).session().id());

        assertThatThrownBy(() -> as(phone)).isInstanceOfSatisfying(AuthenticationFailed.class,
                e -> assertThat(e.reason()).isEqualTo(AuthenticationFailed.Reason.SESSION_REVOKED));
        assertThat(as(laptop)).isNotNull();
    }

    @Test
    void anotherUsersSessionCannotBeRevokedOrEvenSeen() {
        LoginResult alice = f.logIn("o-alice");
        LoginResult mallory = f.logIn("o-mallory");

        assertThatThrownBy(() -> management.revoke(as(mallory), as(alice).session().id())).isInstanceOf(NotFound.class);
        assertThat(as(alice)).isNotNull();
    }

    @Test
    void revokingAllEndsEverySessionIncludingTheCurrentOne() {
        LoginResult phone = f.logIn("o-alice");
        LoginResult laptop = f.logIn("o-alice");
        LoginResult bob = f.logIn("o-bob");

        assertThat(management.revokeAll(as(laptop))).isEqualTo(2);

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
        SessionCleanupService cleanup = new SessionCleanupService(f.sessions, f.codes, f.policy, 2, f.clock);

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
        assertThatThrownBy(() -> new UserDisablingService(f.users, f.sessions, f.transactions, f.policy, f.clock).disable(UserId.random()))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void sandboxCodesComeFromTheSandboxForAValidUserName() {
        ForMintingSandboxCodes sandbox = mock(ForMintingSandboxCodes.class);
        when(sandbox.mint(APP, "alice")).thenReturn(new LoginCode("minted"));
        SandboxCodeService service = new SandboxCodeService(sandbox);

        assertThat(service.wxLogin(APP, "alice")).isEqualTo(new LoginCode("minted"));
        assertThatThrownBy(() -> service.wxLogin(APP, "")).isInstanceOf(InvalidInput.class);
    }
}
