package dev.wxlogin.application;

import dev.wxlogin.domain.error.AccessTokenRejected;
import dev.wxlogin.domain.error.AuthenticationFailed;
import dev.wxlogin.domain.error.OpenDataRejected;
import dev.wxlogin.domain.login.LoginResult;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.opendata.EncryptedOpenData;
import dev.wxlogin.domain.opendata.OpenData;
import dev.wxlogin.domain.phone.PhoneNumber;
import dev.wxlogin.domain.opendata.OpenDataPolicy;
import dev.wxlogin.domain.opendata.RawDataSignature;
import dev.wxlogin.domain.port.in.ForGettingAccessTokens;
import dev.wxlogin.domain.port.out.ForCheckingSessionKeys;
import dev.wxlogin.domain.port.out.ForDecryptingOpenData;
import dev.wxlogin.domain.session.SessionToken;
import dev.wxlogin.domain.token.AccessToken;
import dev.wxlogin.domain.token.AccessTokenGrant;
import dev.wxlogin.domain.user.OpenId;
import dev.wxlogin.domain.user.UnionId;
import dev.wxlogin.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class OpenDataServiceTest {
    private static final String KEY_TEXT = "a2V5LW9mLXNlc3Npb24xMQ==";
    private static final SessionKey KEY = new SessionKey(KEY_TEXT);
    private static final AccessToken TOKEN = new AccessToken("access-token-1");
    private static final AccessToken REPLACEMENT = new AccessToken("access-token-2");
    private static final String IV = Base64.getEncoder().encodeToString(new byte[16]);
    private static final String CIPHERTEXT = Base64.getEncoder().encodeToString(new byte[32]);

    private final Fixture fixture = new Fixture();
    private final ForDecryptingOpenData cipher = mock(ForDecryptingOpenData.class);
    private final ForCheckingSessionKeys checks = mock(ForCheckingSessionKeys.class);
    private final ForGettingAccessTokens tokens = mock(ForGettingAccessTokens.class);
    private final OpenDataService service = new OpenDataService(fixture.sessions, fixture.users, Fixture.APPS, fixture.policy, cipher,
            checks, tokens, new OpenDataPolicy(Duration.ofMinutes(10)), fixture.clock);
    private LoginResult alice;

    @BeforeEach
    void aliceLoggedIn() {
        alice = fixture.logIn(fixture.codeFor("o-alice", KEY_TEXT));
        when(tokens.current(Fixture.APP)).thenReturn(new AccessTokenGrant(Fixture.APP, TOKEN, Instant.MAX));
    }

    private Map<String, Object> madeNow(Map<String, Object> members) {
        Map<String, Object> plaintext = new LinkedHashMap<>(members);
        plaintext.put("watermark", Map.of("appid", Fixture.APP.value(), "timestamp", fixture.clock.instant().getEpochSecond()));
        return plaintext;
    }

    private static EncryptedOpenData unsigned() {
        return new EncryptedOpenData(CIPHERTEXT, IV, Optional.empty(), Optional.empty());
    }

    private static EncryptedOpenData signed(String rawData, String signature) {
        return new EncryptedOpenData(CIPHERTEXT, IV, Optional.of(rawData), Optional.of(signature));
    }

    private void decryptsTo(Map<String, Object> members) {
        when(cipher.decrypt(eq(KEY), any())).thenReturn(Optional.of(madeNow(members)));
    }

    private void keyIsCurrent(boolean current) {
        when(checks.isCurrent(TOKEN, Fixture.APP, new OpenId("o-alice"), KEY)).thenReturn(current);
    }

    private void refused(SessionToken token, EncryptedOpenData data, OpenDataRejected.Reason reason) {
        assertThatThrownBy(() -> service.open(token, data)).isInstanceOfSatisfying(OpenDataRejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(reason));
    }

    @Test
    void opensDataWithTheStoredSessionKeyWithoutAskingWeChat() {
        decryptsTo(Map.of("phoneNumber", "13580006666", "countryCode", "86"));

        OpenData opened = service.open(alice.token(), unsigned());

        assertThat(opened.kind()).isEqualTo(OpenData.Kind.PHONE);
        assertThat(opened.members()).isEqualTo(Map.of("phoneNumber", "13580006666", "countryCode", "86"));
        verify(checks, never()).isCurrent(any(), any(), any(), any());
    }

    @Test
    void theLegacyPhonePayloadBecomesTheUsersPhoneNumber() {
        decryptsTo(Map.of("phoneNumber", "13580006666", "purePhoneNumber", "13580006666", "countryCode", "86"));

        service.open(alice.token(), unsigned());

        assertThat(fixture.users.findById(alice.user().id()).orElseThrow().phone())
                .contains(new PhoneNumber("13580006666", "13580006666", "86"));
    }

    @Test
    void dataTheKeyDoesNotOpenIsStaleWhenWeChatHasReplacedTheKey() {
        when(cipher.decrypt(eq(KEY), any())).thenReturn(Optional.empty());
        keyIsCurrent(false);

        refused(alice.token(), unsigned(), OpenDataRejected.Reason.SESSION_KEY_STALE);
    }

    @Test
    void dataTheCurrentKeyDoesNotOpenIsInvalid() {
        when(cipher.decrypt(eq(KEY), any())).thenReturn(Optional.empty());
        keyIsCurrent(true);

        refused(alice.token(), unsigned(), OpenDataRejected.Reason.INVALID_OPEN_DATA);
    }

    @Test
    void aSignatureOfTheCurrentKeyIsAcceptedAndAWrongOneRefusedOrBlamedOnAStaleKey() {
        decryptsTo(Map.of("nickName", "Band"));
        String rawData = "{\"nickName\":\"Band\"}";

        assertThat(service.open(alice.token(), signed(rawData, RawDataSignature.of(rawData, KEY))).kind())
                .isEqualTo(OpenData.Kind.USER_INFO);
        verify(checks, never()).isCurrent(any(), any(), any(), any());

        keyIsCurrent(true);
        refused(alice.token(), signed(rawData, "0".repeat(40)), OpenDataRejected.Reason.INVALID_SIGNATURE);
        keyIsCurrent(false);
        refused(alice.token(), signed(rawData, "0".repeat(40)), OpenDataRejected.Reason.SESSION_KEY_STALE);
    }

    @Test
    void aWatermarkOfAnotherAppIsRefusedWithoutAskingWeChat() {
        when(cipher.decrypt(eq(KEY), any())).thenReturn(Optional.of(Map.of("openGId", "G1",
                "watermark", Map.of("appid", "wxanotherapp00001", "timestamp", fixture.clock.instant().getEpochSecond()))));

        refused(alice.token(), unsigned(), OpenDataRejected.Reason.WATERMARK_MISMATCH);
        verify(checks, never()).isCurrent(any(), any(), any(), any());
    }

    @Test
    void dataOlderThanThePolicyAllowsHasExpired() {
        decryptsTo(Map.of("openGId", "G1"));
        fixture.clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        refused(alice.token(), unsigned(), OpenDataRejected.Reason.OPEN_DATA_EXPIRED);
    }

    @Test
    void aUserInfoUnionIdIsRecordedOnAUserWhoHadNone() {
        decryptsTo(Map.of("nickName", "Band", "unionId", "oUnionOfAlice"));
        UserId id = alice.user().id();

        service.open(alice.token(), unsigned());

        assertThat(fixture.users.findById(id).orElseThrow().unionId()).contains(new UnionId("oUnionOfAlice"));
    }

    @Test
    void withNoStoredKeyOnlyANewLoginHelps() {
        LoginResult bob = fixture.logIn("o-bob");
        SessionToken stranger = bob.token();
        fixture.users.forgetSessionKey(bob.user().id());

        refused(stranger, unsigned(), OpenDataRejected.Reason.SESSION_KEY_STALE);
        verify(cipher, never()).decrypt(any(), any());
    }

    @Test
    void anAccessTokenWeChatRejectsIsReplacedAndTheCheckMadeOnceMore() {
        when(cipher.decrypt(eq(KEY), any())).thenReturn(Optional.empty());
        when(checks.isCurrent(TOKEN, Fixture.APP, new OpenId("o-alice"), KEY)).thenThrow(new AccessTokenRejected(40001));
        when(tokens.replaceRejected(Fixture.APP, TOKEN)).thenReturn(new AccessTokenGrant(Fixture.APP, REPLACEMENT, Instant.MAX));
        when(checks.isCurrent(REPLACEMENT, Fixture.APP, new OpenId("o-alice"), KEY)).thenReturn(false);

        refused(alice.token(), unsigned(), OpenDataRejected.Reason.SESSION_KEY_STALE);
    }

    @Test
    void aTokenThatProvesNoSessionIsRefusedBeforeAnythingIsDecrypted() {
        assertThatThrownBy(() -> service.open(SessionToken.generate(), unsigned())).isInstanceOf(AuthenticationFailed.class);
        verify(cipher, never()).decrypt(any(), any());
    }
}
