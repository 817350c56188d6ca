package dev.wxlogin.application;

import dev.wxlogin.domain.error.AuthenticationFailed;
import dev.wxlogin.domain.error.NotFound;
import dev.wxlogin.domain.login.LoginResult;
import dev.wxlogin.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserSessionsEndingServiceTest {
    private final Fixture f = new Fixture();
    private final UserSessionsEndingService ending =
            new UserSessionsEndingService(f.users, f.sessions, f.transactions, f.policy, f.clock);

    @Test
    void everyLiveSessionOfTheUserEndsAndOnlyTheirs() {
        LoginResult phone = f.logIn("o-mia");
        LoginResult laptop = f.logIn("o-mia");
        LoginResult someoneElse = f.logIn("o-noah");

        assertThat(ending.endAll(phone.user().id())).isEqualTo(2);

        assertThatThrownBy(() -> f.authentication.authenticate(phone.token())).isInstanceOf(AuthenticationFailed.class);
        assertThatThrownBy(() -> f.authentication.authenticate(laptop.token())).isInstanceOf(AuthenticationFailed.class);
        assertThat(f.authentication.authenticate(someoneElse.token()).user().id()).isEqualTo(someoneElse.user().id());
        assertThat(f.users.findById(phone.user().id()).orElseThrow().disabled()).isFalse();
        assertThat(f.logIn("o-mia").user().id()).isEqualTo(phone.user().id());
    }

    @Test
    void aUserWithoutLiveSessionsHasNoneToEnd() {
        LoginResult login = f.logIn("o-olga");
        f.clock.advance(Duration.ofDays(8));

        assertThat(ending.endAll(login.user().id())).isZero();
        assertThat(ending.endAll(login.user().id())).isZero();
    }

    @Test
    void anUnknownUserIsNotFound() {
        assertThatThrownBy(() -> ending.endAll(UserId.random())).isInstanceOf(NotFound.class);
    }
}
