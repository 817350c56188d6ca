package dev.wxlogin.application;

import dev.wxlogin.domain.error.AuthenticationFailed;
import dev.wxlogin.domain.error.NotFound;
import dev.wxlogin.domain.error.StorageBusy;
import dev.wxlogin.domain.login.LoginResult;
import dev.wxlogin.domain.port.out.ForStoringSessions;
import dev.wxlogin.domain.user.UserId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

class UserDisablingServiceTest {
    private final Fixture f = new Fixture();

    @Test
    void anAccountWhoseSessionsCannotBeEndedIsNotDisabledEither() {
        LoginResult login = f.logIn("o-kim");
        ForStoringSessions failing = mock(ForStoringSessions.class, delegatesTo(f.sessions));
        doThrow(new StorageBusy("The database is busy")).when(failing).endAll(any(), any(), any(), any());
        UserDisablingService disabling = new UserDisablingService(f.users, failing, f.transactions, f.policy, f.clock);

        assertThatThrownBy(() -> disabling.disable(login.user().id())).isInstanceOf(StorageBusy.class);

        assertThat(f.users.findById(login.user().id()).orElseThrow().disabled()).isFalse();
        assertThat(f.authentication.authenticate(login.token()).user().id()).isEqualTo(login.user().id());
    }

    @Test
    void anEnabledAccountLogsInAgainButItsEndedSessionsStayEnded() {
        LoginResult before = f.logIn("o-lee");
        UserDisablingService disabling = new UserDisablingService(f.users, f.sessions, f.transactions, f.policy, f.clock);
        disabling.disable(before.user().id());

        disabling.enable(before.user().id());

        assertThat(f.users.findById(before.user().id()).orElseThrow().disabled()).isFalse();
        assertThatThrownBy(() -> f.authentication.authenticate(before.token())).isInstanceOf(AuthenticationFailed.class);
        LoginResult after = f.logIn("o-lee");
        assertThat(after.user().id()).isEqualTo(before.user().id());
        assertThat(f.authentication.authenticate(after.token()).user().id()).isEqualTo(before.user().id());
    }

    @Test
    void enablingAnUnknownUserIsNotFound() {
        UserDisablingService disabling = new UserDisablingService(f.users, f.sessions, f.transactions, f.policy, f.clock);

        assertThatThrownBy(() -> disabling.enable(UserId.random())).isInstanceOf(NotFound.class);
    }
}
