package dev.wxlogin.domain.session;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.AuthenticationFailed;
import dev.wxlogin.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionTest {
    private static final Instant LOGIN = Instant.parse("2026-05-01T10:00:00Z");
    private static final SessionPolicy POLICY = SessionPolicy.DEFAULT;

    private final Session session = Session.start(SessionToken.generate().hash(), UserId.random(), new AppId("wxapp"),
            ClientInfo.unknown(), LOGIN, POLICY);

    @Test
    void aNewSessionIsLiveUntilItIdlesOut() {
        assertThat(session.problemAt(LOGIN, POLICY)).isEmpty();
        assertThat(session.problemAt(LOGIN.plus(POLICY.idle()).minusMillis(1), POLICY)).isEmpty();
        assertThat(session.problemAt(LOGIN.plus(POLICY.idle()), POLICY)).contains(AuthenticationFailed.Reason.SESSION_EXPIRED);
    }

    @Test
    void theAbsoluteExpiryIsFixedAtLogin() {
        Session busy = new Session(session.id(), session.tokenHash(), session.userId(), session.appId(), session.client(),
                LOGIN, LOGIN.plus(Duration.ofDays(7)).minusSeconds(1), session.expiresAt(), Optional.empty(), Optional.empty());

        assertThat(busy.expiresAt()).isEqualTo(LOGIN.plus(Duration.ofDays(7)));
        assertThat(busy.problemAt(LOGIN.plus(Duration.ofDays(7)), POLICY)).contains(AuthenticationFailed.Reason.SESSION_EXPIRED);
    }

    @Test
    void anEndedSessionSaysWhyEvenAfterItWouldHaveExpired() {
        Session replaced = new Session(session.id(), session.tokenHash(), session.userId(), session.appId(), session.client(),
                LOGIN, LOGIN, session.expiresAt(), Optional.of(LOGIN.plusSeconds(5)), Optional.of(EndReason.REPLACED));

        assertThat(replaced.problemAt(LOGIN.plus(Duration.ofDays(30)), POLICY)).contains(AuthenticationFailed.Reason.SESSION_REPLACED);
    }

    @Test
    void aUseIsRecordedOncePerTouchInterval() {
        assertThat(session.dueForTouchAt(LOGIN.plusSeconds(59), POLICY)).isFalse();
        assertThat(session.dueForTouchAt(LOGIN.plusSeconds(60), POLICY)).isTrue();
    }

    @Test
    void anEndTimeAndAnEndReasonComeTogether() {
        assertThatThrownBy(() -> new Session(session.id(), session.tokenHash(), session.userId(), session.appId(),
                session.client(), LOGIN, LOGIN, session.expiresAt(), Optional.of(LOGIN), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
