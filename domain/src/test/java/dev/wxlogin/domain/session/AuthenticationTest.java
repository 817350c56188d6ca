package dev.wxlogin.domain.session;

import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.WeChatSessionRequired;
import dev.wxlogin.domain.user.OpenId;
import dev.wxlogin.domain.user.User;
import dev.wxlogin.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthenticationTest {
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final AppId APP = new AppId("wxauthentication1");
    private final User user = User.created(UserId.random(), AccountId.random(), APP, new OpenId("o-alice"),
            Optional.empty(), NOW);
    private final Session weChat = Session.start(SessionToken.generate().hash(), user, APP, ClientInfo.unknown(), NOW,
            SessionPolicy.DEFAULT);
    private final Session password = Session.startWithPassword(SessionToken.generate().hash(), user.accountId(),
            ClientInfo.unknown(), NOW, SessionPolicy.DEFAULT);

    @Test
    void aWeChatSessionsCallerIsItsUserInItsAccount() {
        Authentication caller = Authentication.of(user, weChat);

        assertThat(caller.weChatUser()).isEqualTo(user);
        assertThat(caller.accountId()).isEqualTo(user.accountId());
    }

    @Test
    void aPasswordSessionsCallerIsTheAccountAndNoUser() {
        Authentication caller = Authentication.ofAccount(password);

        assertThat(caller.user()).isEmpty();
        assertThat(caller.accountId()).isEqualTo(user.accountId());
        assertThatThrownBy(caller::weChatUser).isInstanceOf(WeChatSessionRequired.class);
    }

    @Test
    void theUserIsTheSessionsOwnOrThereIsNone() {
        User other = User.created(UserId.random(), user.accountId(), APP, new OpenId("o-bob"), Optional.empty(), NOW);

        assertThatThrownBy(() -> Authentication.of(other, weChat)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Authentication.of(user, password)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Authentication.ofAccount(weChat)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Authentication(null, weChat)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Authentication(Optional.of(user), null)).isInstanceOf(NullPointerException.class);
    }
}
