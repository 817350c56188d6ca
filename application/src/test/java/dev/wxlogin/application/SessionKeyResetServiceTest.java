package dev.wxlogin.application;

import dev.wxlogin.domain.error.AccessTokenRejected;
import dev.wxlogin.domain.error.NotFound;
import dev.wxlogin.domain.login.LoginResult;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.port.in.ForGettingAccessTokens;
import dev.wxlogin.domain.port.out.ForCheckingSessionKeys;
import dev.wxlogin.domain.port.out.ForStoringUsers;
import dev.wxlogin.domain.session.EndReason;
import dev.wxlogin.domain.token.AccessToken;
import dev.wxlogin.domain.token.AccessTokenGrant;
import dev.wxlogin.domain.user.OpenId;
import dev.wxlogin.domain.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class SessionKeyResetServiceTest {
    private static final AccessToken TOKEN = new AccessToken("live-token");
    private static final AccessToken REPLACEMENT = new AccessToken("replacement-token");
    private static final String OLD_KEY = "b2xkLXNlc3Npb24ta2V5MQ==";
    private static final SessionKey NEW_KEY = new SessionKey("bmV3LXNlc3Npb24ta2V5MQ==");

    private final Fixture f = new Fixture();
    private final ForCheckingSessionKeys wechat = mock(ForCheckingSessionKeys.class);
    private final ForGettingAccessTokens tokens = mock(ForGettingAccessTokens.class);
    private final SessionKeyResetService resets =
            new SessionKeyResetService(wechat, tokens, f.users, f.sessions, f.policy, f.clock);
    private final SecurityEvents events = new SecurityEvents();

    SessionKeyResetServiceTest() {
        when(tokens.current(Fixture.APP)).thenReturn(new AccessTokenGrant(Fixture.APP, TOKEN, Instant.MAX));
    }

    @AfterEach
    void closeEvents() {
        events.close();
    }

    @Test
    void weChatsNewKeyReplacesTheStoredOne() {
        LoginResult login = f.logIn(f.codeFor("o-leaked", OLD_KEY));
        when(wechat.reset(TOKEN, Fixture.APP, new OpenId("o-leaked"), new SessionKey(OLD_KEY))).thenReturn(NEW_KEY);

        events.clear();
        resets.reset(login.user().id());

        assertThat(f.users.sessionKeyOf(login.user().id())).contains(NEW_KEY);
        assertThat(events.lines()).containsExactly("INFO session_key reset user=" + login.user().id() + " stored=true");
    }

    @Test
    void aKeyALoginReplacedMeanwhileIsKept() {
        LoginResult login = f.logIn(f.codeFor("o-racing", OLD_KEY));
        SessionKey byLogin = new SessionKey("bG9naW4tc2Vzc2lvbi1rZXk=");
        when(wechat.reset(any(), any(), any(), any())).thenAnswer(call -> {
            f.logIn(f.codeFor("o-racing", byLogin.value()));
            return NEW_KEY;
        });

        resets.reset(login.user().id());

        assertThat(f.users.sessionKeyOf(login.user().id())).contains(byLogin);
        assertThat(events.lines()).filteredOn(line -> line.contains("session_key")).containsExactly("INFO session_key reset user=" + login.user().id() + " stored=false");
    }

    @Test
    void aRejectedAccessTokenIsReplacedOnceAndTheResetRetried() {
        LoginResult login = f.logIn(f.codeFor("o-retry", OLD_KEY));
        when(tokens.replaceRejected(Fixture.APP, TOKEN)).thenReturn(new AccessTokenGrant(Fixture.APP, REPLACEMENT, Instant.MAX));
        when(wechat.reset(eq(TOKEN), any(), any(), any())).thenThrow(new AccessTokenRejected(42001));
        when(wechat.reset(eq(REPLACEMENT), any(), any(), any())).thenReturn(NEW_KEY);

        resets.reset(login.user().id());

        assertThat(f.users.sessionKeyOf(login.user().id())).contains(NEW_KEY);
    }

    @Test
    void anUnknownUserIsNotFound() {
        assertThatThrownBy(() -> resets.reset(UserId.random())).isInstanceOf(NotFound.class).hasMessage("No such user");
        verifyNoInteractions(wechat, tokens);
    }

    @Test
    void aUserWithoutALiveSessionIsNotFound() {
        LoginResult login = f.logIn(f.codeFor("o-gone", OLD_KEY));
        f.sessions.endAll(login.user().id(), EndReason.REVOKED, f.clock.instant(), f.policy.idleCutoff(f.clock.instant()));

        assertThatThrownBy(() -> resets.reset(login.user().id()))
                .isInstanceOf(NotFound.class).hasMessage("The user has no live session");
        verifyNoInteractions(wechat, tokens);
    }

    @Test
    void aUserWhoseKeyCannotBeReadIsNotFound() {
        LoginResult login = f.logIn(f.codeFor("o-unreadable", OLD_KEY));
        ForStoringUsers unreadable = mock(ForStoringUsers.class, delegatesTo(f.users));
        doReturn(Optional.empty()).when(unreadable).sessionKeyOf(login.user().id());
        SessionKeyResetService service = new SessionKeyResetService(wechat, tokens, unreadable, f.sessions, f.policy, f.clock);

        assertThatThrownBy(() -> service.reset(login.user().id()))
                .isInstanceOf(NotFound.class).hasMessage("The user has no session_key");
        verifyNoInteractions(wechat);
    }
}
