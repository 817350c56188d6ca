package dev.wxlogin.application;

import dev.wxlogin.domain.error.AuthenticationFailed;
import dev.wxlogin.domain.error.NotFound;
import dev.wxlogin.domain.error.StorageBusy;
import dev.wxlogin.domain.login.LoginResult;
import dev.wxlogin.domain.port.out.ForStoringSessions;
import dev.wxlogin.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

class UserAdministrationServiceTest {
    private final Fixture f = new Fixture();
    private final UserAdministrationService administration =
            new UserAdministrationService(f.users, f.sessions, f.transactions, f.policy, f.clock);

    @Test
    void anAccountWhoseSessionsCannotBeEndedIsNotDisabledEither() {
        LoginResult login = f.logIn("o-kim");
        ForStoringSessions failing = mock(ForStoringSessions.class, delegatesTo(f.sessions));
        doThrow(new StorageBusy("The database is busy")).when(failing).endAll(any(), any(), any(), any());
        UserAdministrationService disabling = new UserAdministrationService(f.users, failing, f.transactions, f.policy, f.clock);

        assertThatThrownBy(() -> disabling.disable(login.user().id())).isInstanceOf(StorageBusy.class);

        assertThat(f.users.findById(login.user().id()).orElseThrow().disabled()).isFalse();
        assertThat(f.authentication.authenticate(login.token()).weChatUser().id()).isEqualTo(login.user().id());
    }

    @Test
    void anEnabledAccountLogsInAgainButItsEndedSessionsStayEnded() {
        LoginResult before = f.logIn("o-lee");
        administration.disable(before.user().id());

        administration.enable(before.user().id());

        assertThat(f.users.findById(before.user().id()).orElseThrow().disabled()).isFalse();
        assertThatThrownBy(() -> f.authentication.authenticate(before.token())).isInstanceOf(AuthenticationFailed.class);
        LoginResult after = f.logIn("o-lee");
        assertThat(after.user().id()).isEqualTo(before.user().id());
        assertThat(f.authentication.authenticate(after.token()).weChatUser().id()).isEqualTo(before.user().id());
    }

    @Test
    void enablingAnUnknownUserIsNotFound() {
        assertThatThrownBy(() -> administration.enable(UserId.random())).isInstanceOf(NotFound.class);
    }

    @Test
    void everyLiveSessionOfTheUserEndsAndOnlyTheirs() {
        LoginResult phone = f.logIn("o-mia");
        LoginResult laptop = f.logIn("o-mia");
        LoginResult someoneElse = f.logIn("o-noah");

        assertThat(administration.endAll(phone.user().id())).isEqualTo(2);

        assertThatThrownBy(() -> f.authentication.authenticate(phone.token())).isInstanceOf(AuthenticationFailed.class);
        assertThatThrownBy(() -> f.authentication.authenticate(laptop.token())).isInstanceOf(AuthenticationFailed.class);
        assertThat(f.authentication.authenticate(someoneElse.token()).weChatUser().id()).isEqualTo(someoneElse.user().id());
        assertThat(f.users.findById(phone.user().id()).orElseThrow().disabled()).isFalse();
        assertThat(f.logIn("o-mia").user().id()).isEqualTo(phone.user().id());
    }

    @Test
    void aUserWithoutLiveSessionsHasNoneToEnd() {
        LoginResult login = f.logIn("o-olga");
        f.clock.advance(Duration.ofDays(8));

        assertThat(administration.endAll(login.user().id())).isZero();
        assertThat(administration.endAll(login.user().id())).isZero();
    }

    @Test
    void anUnknownUserIsNotFound() {
        assertThatThrownBy(() -> administration.endAll(UserId.random())).isInstanceOf(NotFound.class);
    }
}
