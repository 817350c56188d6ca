package dev.wxlogin.domain.session;

import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.AuthenticationFailed;
import dev.wxlogin.domain.user.OpenId;
import dev.wxlogin.domain.user.User;
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

    private static final AppId APP = new AppId("wxapp");
    private final User user = User.created(UserId.random(), AccountId.random(), APP, new OpenId("o-alice"),
            Optional.empty(), LOGIN);
    private final Session session = Session.start(SessionToken.generate().hash(), user, APP, ClientInfo.unknown(),
            LOGIN, POLICY);

    @Test
    void aNewSessionIsLiveUntilItIdlesOut() {
        assertThat(session.problemAt(LOGIN, POLICY)).isEmpty();
        assertThat(session.problemAt(LOGIN.plus(POLICY.idle()).minusMillis(1), POLICY)).isEmpty();
        assertThat(session.problemAt(LOGIN.plus(POLICY.idle()), POLICY)).contains(AuthenticationFailed.Reason.SESSION_EXPIRED);
    }

    @Test
    void theAbsoluteExpiryIsFixedAtLogin() {
        Session busy = session.seenAt(LOGIN.plus(Duration.ofDays(7)).minusSeconds(1));

        assertThat(busy.expiresAt()).isEqualTo(LOGIN.plus(Duration.ofDays(7)));
        assertThat(busy.problemAt(LOGIN.plus(Duration.ofDays(7)), POLICY)).contains(AuthenticationFailed.Reason.SESSION_EXPIRED);
    }

    @Test
    void anEndedSessionSaysWhyEvenAfterItWouldHaveExpired() {
        Session replaced = session.ended(LOGIN.plusSeconds(5), EndReason.REPLACED);

        assertThat(replaced.problemAt(LOGIN.plus(Duration.ofDays(30)), POLICY)).contains(AuthenticationFailed.Reason.SESSION_REPLACED);
    }

    @Test
    void aUseIsRecordedOncePerTouchInterval() {
        assertThat(session.dueForTouchAt(LOGIN.plusSeconds(59), POLICY)).isFalse();
        assertThat(session.dueForTouchAt(LOGIN.plusSeconds(60), POLICY)).isTrue();
    }

    @Test
    void anEndTimeAndAnEndReasonComeTogether() {
        assertThatThrownBy(() -> new Session(session.id(), session.tokenHash(), session.accountId(), session.userId(),
                session.appId(), session.method(), session.client(), LOGIN, LOGIN, session.expiresAt(), Optional.of(LOGIN),
                Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWeChatSessionBelongsToTheUsersAccountUserAndApp() {
        assertThat(session.accountId()).isEqualTo(user.accountId());
        assertThat(session.userId()).contains(user.id());
        assertThat(session.appId()).contains(APP);
        assertThat(session.method()).isEqualTo(LoginMethod.WECHAT);
        assertThat(session.expiresAt()).isEqualTo(LOGIN.plus(POLICY.max()));
    }

    @Test
    void aPasswordSessionBelongsToItsAccountOnly() {
        AccountId account = AccountId.random();
        Session password = Session.startWithPassword(SessionToken.generate().hash(), account, ClientInfo.unknown(),
                LOGIN, POLICY);

        assertThat(password.accountId()).isEqualTo(account);
        assertThat(password.userId()).isEmpty();
        assertThat(password.appId()).isEmpty();
        assertThat(password.method()).isEqualTo(LoginMethod.PASSWORD);
        assertThat(password.lastSeenAt()).isEqualTo(LOGIN);
        assertThat(password.expiresAt()).isEqualTo(LOGIN.plus(POLICY.max()));
        assertThat(password.problemAt(LOGIN, POLICY)).isEmpty();
    }

    @Test
    void aWeChatSessionAndOnlyOneHasAUserAndAnApp() {
        assertThatThrownBy(() -> withOwner(Optional.empty(), Optional.of(APP), LoginMethod.WECHAT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withOwner(Optional.of(user.id()), Optional.empty(), LoginMethod.WECHAT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withOwner(Optional.of(user.id()), Optional.empty(), LoginMethod.PASSWORD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withOwner(Optional.empty(), Optional.of(APP), LoginMethod.PASSWORD))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSeenOrEndedSessionKeepsEverythingElse() {
        Session seen = session.seenAt(LOGIN.plusSeconds(90));
        Session ended = seen.ended(LOGIN.plusSeconds(95), EndReason.REVOKED);

        assertThat(ended).isEqualTo(new Session(session.id(), session.tokenHash(), session.accountId(), session.userId(),
                session.appId(), LoginMethod.WECHAT, session.client(), LOGIN, LOGIN.plusSeconds(90), session.expiresAt(),
                Optional.of(LOGIN.plusSeconds(95)), Optional.of(EndReason.REVOKED)));
    }

    private Session withOwner(Optional<UserId> userId, Optional<AppId> appId, LoginMethod method) {
        return new Session(session.id(), session.tokenHash(), session.accountId(), userId, appId, method,
                session.client(), LOGIN, LOGIN, session.expiresAt(), Optional.empty(), Optional.empty());
    }
}
