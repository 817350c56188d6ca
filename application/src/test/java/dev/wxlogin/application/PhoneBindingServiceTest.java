package dev.wxlogin.application;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.AccessTokenRejected;
import dev.wxlogin.domain.error.AuthenticationFailed;
import dev.wxlogin.domain.error.PhoneCodeRejected;
import dev.wxlogin.domain.login.LoginResult;
import dev.wxlogin.domain.phone.PhoneCode;
import dev.wxlogin.domain.phone.PhoneNumber;
import dev.wxlogin.domain.phone.VerifiedPhone;
import dev.wxlogin.domain.port.in.ForGettingAccessTokens;
import dev.wxlogin.domain.port.out.ForLookingUpPhoneNumbers;
import dev.wxlogin.domain.session.SessionToken;
import dev.wxlogin.domain.token.AccessToken;
import dev.wxlogin.domain.token.AccessTokenGrant;
import dev.wxlogin.domain.user.OpenId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class PhoneBindingServiceTest {
    private static final AccessToken TOKEN = new AccessToken("live-token");
    private static final AccessToken REPLACEMENT = new AccessToken("replacement-token");
    private static final PhoneCode CODE = new PhoneCode("e31968a7f94cc5ee25fafc2aef2773f0bb8c3937b22520eb8ee345274d00c144");
    private static final PhoneNumber PHONE = new PhoneNumber("13800001234", "13800001234", "86");

    private final Fixture f = new Fixture();
    private final ForLookingUpPhoneNumbers wechat = mock(ForLookingUpPhoneNumbers.class);
    private final ForGettingAccessTokens tokens = mock(ForGettingAccessTokens.class);
    private final PhoneBindingService phones =
            new PhoneBindingService(wechat, tokens, f.sessions, f.users, Fixture.APPS, f.policy, f.clock);
    private final SecurityEvents events = new SecurityEvents();

    PhoneBindingServiceTest() {
        when(tokens.current(Fixture.APP)).thenReturn(new AccessTokenGrant(Fixture.APP, TOKEN, Instant.MAX));
    }

    @AfterEach
    void closeEvents() {
        events.close();
    }

    @Test
    void theNumberWeChatVerifiesForTheCallerIsStoredOnTheUserAndAnswered() {
        LoginResult login = f.logIn("o-phone");
        when(wechat.lookUp(TOKEN, Fixture.APP, new OpenId("o-phone"), CODE)).thenReturn(new VerifiedPhone(PHONE, Fixture.APP));

        events.clear();
        assertThat(phones.bind(login.token(), CODE)).isEqualTo(PHONE);

        assertThat(f.users.findById(login.user().id()).orElseThrow().phone()).contains(PHONE);
        assertThat(events.lines()).containsExactly(
                "INFO phone number registered user=" + login.user().id() + " phone=PhoneNumber[+86 138****1234]");
    }

    @Test
    void aNumberWithAnotherAppsWatermarkIsRefusedAndNotStored() {
        LoginResult login = f.logIn("o-foreign");
        AppId other = new AppId("wxsomeoneelse00001");
        when(wechat.lookUp(any(), any(), any(), any())).thenReturn(new VerifiedPhone(PHONE, other));

        events.clear();
        assertThatThrownBy(() -> phones.bind(login.token(), CODE)).isInstanceOf(PhoneCodeRejected.class);

        assertThat(f.users.findById(login.user().id()).orElseThrow().phone()).isEmpty();
        assertThat(events.lines()).containsExactly("WARN phone number refused: watermark of another app user="
                + login.user().id() + " watermark=" + other);
    }

    @Test
    void aRejectedAccessTokenIsReplacedOnceAndTheLookUpRetried() {
        LoginResult login = f.logIn("o-retry");
        when(tokens.replaceRejected(Fixture.APP, TOKEN)).thenReturn(new AccessTokenGrant(Fixture.APP, REPLACEMENT, Instant.MAX));
        when(wechat.lookUp(eq(TOKEN), any(), any(), any())).thenThrow(new AccessTokenRejected(40001));
        when(wechat.lookUp(eq(REPLACEMENT), any(), any(), any())).thenReturn(new VerifiedPhone(PHONE, Fixture.APP));

        assertThat(phones.bind(login.token(), CODE)).isEqualTo(PHONE);
        verify(tokens).replaceRejected(Fixture.APP, TOKEN);
    }

    @Test
    void aCallerWithoutALiveSessionNeverReachesWeChat() {
        assertThatThrownBy(() -> phones.bind(SessionToken.generate(), CODE)).isInstanceOf(AuthenticationFailed.class);
        verifyNoInteractions(wechat, tokens);
    }
}
