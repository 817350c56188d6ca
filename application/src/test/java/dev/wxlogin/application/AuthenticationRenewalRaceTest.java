package dev.wxlogin.application;

import dev.wxlogin.domain.error.AuthenticationFailed;
import dev.wxlogin.domain.fakes.InMemorySessionStorage;
import dev.wxlogin.domain.login.LoginResult;
import dev.wxlogin.domain.session.Authentication;
import dev.wxlogin.domain.session.EndReason;
import dev.wxlogin.domain.session.Session;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.spy;

/**
 * A request reads its session, then records the use; another request (on this or another instance) may act on the
 * same session in between. The storage is the real in-memory one, with the other request's write slipped in just
 * before the touch.
 */
class AuthenticationRenewalRaceTest {
    private final Fixture f = new Fixture();
    private final LoginResult login = f.logIn("o-racer");

    /** The authentication service of an instance where {@code otherRequest} runs between the read and the touch. */
    private AuthenticationService whereBeforeTheTouch(Runnable otherRequest) {
        InMemorySessionStorage racing = spy(f.sessions);
        doAnswer(touch -> {
            otherRequest.run();
            return touch.callRealMethod();
        }).when(racing).touch(any(), any(), any());
        return new AuthenticationService(racing, Fixture.APPS, f.policy, f.clock);
    }

    private Session stored() {
        return f.sessions.findByTokenHash(login.token().hash()).orElseThrow();
    }

    @Test
    void aSessionEndedJustBeforeTheTouchIsRefusedWithItsReasonAndStaysEnded() {
        f.clock.advance(f.policy.touchInterval());
        Instant lastSeen = stored().lastSeenAt();
        AuthenticationService authentication = whereBeforeTheTouch(
                () -> new LogoutService(f.sessions, f.clock).logOut(login.token()));

        assertThatThrownBy(() -> authentication.authenticate(login.token()))
                .isInstanceOfSatisfying(AuthenticationFailed.class,
                        e -> assertThat(e.reason()).isEqualTo(AuthenticationFailed.Reason.SESSION_REVOKED));
        assertThat(stored().endReason()).contains(EndReason.REVOKED);
        assertThat(stored().lastSeenAt()).isEqualTo(lastSeen);
    }

    @Test
    void aSessionReplacedJustBeforeTheTouchIsRefusedAsReplaced() {
        f.clock.advance(f.policy.touchInterval());
        AuthenticationService authentication = whereBeforeTheTouch(
                () -> f.sessions.end(stored().id(), EndReason.REPLACED, f.clock.instant()));

        assertThatThrownBy(() -> authentication.authenticate(login.token()))
                .isInstanceOfSatisfying(AuthenticationFailed.class,
                        e -> assertThat(e.reason()).isEqualTo(AuthenticationFailed.Reason.SESSION_REPLACED));
    }

    /** Instance clocks differ: a use recorded by an instance that is ahead is not moved back, and the request succeeds. */
    @Test
    void aUseAlreadyRecordedByAnInstanceAheadIsKeptAndTheRequestSucceeds() {
        f.clock.advance(f.policy.touchInterval());
        Instant aheadBy5s = f.clock.instant().plus(Duration.ofSeconds(5));
        AuthenticationService authentication = whereBeforeTheTouch(
                () -> f.sessions.touch(stored().id(), aheadBy5s, f.policy.idleCutoff(aheadBy5s)));

        Authentication caller = authentication.authenticate(login.token());

        assertThat(caller.user()).contains(login.user());
        assertThat(caller.session()).isEqualTo(stored());
        assertThat(stored().lastSeenAt()).isEqualTo(aheadBy5s);
    }
}
