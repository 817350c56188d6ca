package dev.wxlogin.adapters.wechat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wxlogin.adapters.wechat.sandbox.SandboxApp;
import dev.wxlogin.adapters.wechat.sandbox.SandboxSettings;
import dev.wxlogin.adapters.wechat.sandbox.WeChatSandbox;
import dev.wxlogin.adapters.wechat.testing.CapturedLogs;
import dev.wxlogin.adapters.wechat.testing.SandboxTokens;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.app.AppSecret;
import dev.wxlogin.domain.error.AccessTokenRejected;
import dev.wxlogin.domain.error.PhoneCodeRejected;
import dev.wxlogin.domain.error.UpstreamFailure;
import dev.wxlogin.domain.phone.PhoneCode;
import dev.wxlogin.domain.phone.PhoneNumber;
import dev.wxlogin.domain.phone.VerifiedPhone;
import dev.wxlogin.domain.token.AccessToken;
import dev.wxlogin.domain.user.OpenId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** getuserphonenumber over real HTTP against the sandbox. */
class WeChatApiPhoneNumberAdapterTest {
    private static final SandboxApp APP = new SandboxApp(new AppId("wxphonetest000001"), new AppSecret("phone-secret-1f2e"), false);
    private static final SandboxApp OTHER = new SandboxApp(new AppId("wxphonetest000002"), new AppSecret("other-secret-9a8b"), false);

    private final CapturedLogs logs = new CapturedLogs();
    private final WeChatSandbox sandbox = new WeChatSandbox(SandboxSettings.builder().apps(List.of(APP, OTHER)).build()).start();
    private final WeChatApiSettings settings = new WeChatApiSettings(sandbox.baseUrl(),
            List.of(APP.miniProgram(), OTHER.miniProgram()), Duration.ofSeconds(1), Duration.ofSeconds(3),
            WeChatApiSettings.DEFAULT_TOTAL_TIMEOUT, new WeChatApiSettings.Retry(2, Duration.ofMillis(1), Duration.ofMillis(1)),
            WeChatApiSettings.Breaker.DEFAULT, WeChatApiSettings.Bulkhead.DEFAULT);
    private final AccessToken token = SandboxTokens.live(settings, APP.appId());
    private final WeChatApiPhoneNumberAdapter phones = new WeChatApiPhoneNumberAdapter(settings);
    private final WeChatApiLoginCodeAdapter logins = new WeChatApiLoginCodeAdapter(settings);

    @AfterEach
    void close() {
        phones.close();
        logins.close();
        sandbox.close();
        logs.close();
    }

    private OpenId openIdOf(SandboxApp app, String user) {
        return logins.exchange(app.appId(), sandbox.wxLogin(app.appId(), user)).openId();
    }

    private Throwable failure(OpenId user, PhoneCode code) {
        Throwable thrown = catchThrowable(() -> phones.lookUp(token, APP.appId(), user, code));
        assertThat(thrown.getMessage()).doesNotContain(token.value(), code.value());
        assertThat(logs.text()).doesNotContain(token.value(), code.value());
        return thrown;
    }

    @Test
    void answersTheUsersNumberWithTheAppsWatermarkAndTheSameNumberEveryTime() {
        OpenId alice = openIdOf(APP, "alice");

        VerifiedPhone first = phones.lookUp(token, APP.appId(), alice, sandbox.phoneCode(APP.appId(), "alice"));
        VerifiedPhone second = phones.lookUp(token, APP.appId(), alice, sandbox.phoneCode(APP.appId(), "alice"));

        assertThat(first.watermarkAppId()).isEqualTo(APP.appId());
        assertThat(first.number().purePhoneNumber()).matches("1[3-9][0-9]{9}");
        assertThat(first.number().countryCode()).isEqualTo("86");
        assertThat(second.number()).isEqualTo(first.number());
        assertThat(phones.lookUp(token, APP.appId(), openIdOf(APP, "bob"), sandbox.phoneCode(APP.appId(), "bob")).number())
                .isNotEqualTo(first.number());
        assertThat(logs.text()).doesNotContain(token.value(), first.number().purePhoneNumber());
    }

    @Test
    void aCodeWorksOnce() {
        OpenId alice = openIdOf(APP, "alice");
        PhoneCode code = sandbox.phoneCode(APP.appId(), "alice");
        phones.lookUp(token, APP.appId(), alice, code);

        assertThat(failure(alice, code)).isInstanceOf(PhoneCodeRejected.class).hasMessageContaining("40029");
    }

    @Test
    void anotherUsersCodeAnUnknownCodeAndALoginCodeAreRefused() {
        OpenId alice = openIdOf(APP, "alice");
        openIdOf(APP, "mallory");

        assertThat(failure(alice, sandbox.phoneCode(APP.appId(), "mallory"))).isInstanceOf(PhoneCodeRejected.class);
        assertThat(failure(alice, new PhoneCode("0".repeat(64)))).isInstanceOf(PhoneCodeRejected.class);
        assertThat(failure(alice, new PhoneCode(sandbox.wxLogin(APP.appId(), "alice").value())))
                .isInstanceOf(PhoneCodeRejected.class);
    }

    @Test
    void aRejectedTokenIsReportedAsSuchWithItsErrcode() {
        OpenId alice = openIdOf(APP, "alice");
        PhoneCode code = sandbox.phoneCode(APP.appId(), "alice");
        sandbox.faults().rejectTokensForNext(1);

        Throwable thrown = failure(alice, code);

        assertThat(thrown).isInstanceOf(AccessTokenRejected.class);
        assertThat(((AccessTokenRejected) thrown).errcode()).isEqualTo(40001);
        // the code was not spent on the refused call
        assertThat(phones.lookUp(token, APP.appId(), alice, code).watermarkAppId()).isEqualTo(APP.appId());
    }

    @Test
    void weChatsBadDaysAreUpstreamFailures() {
        OpenId alice = openIdOf(APP, "alice");
        sandbox.faults().quotaExceeded(true);
        assertThat(((UpstreamFailure) failure(alice, sandbox.phoneCode(APP.appId(), "alice"))).kind())
                .isEqualTo(UpstreamFailure.Kind.RATE_LIMITED);
        sandbox.faults().clear().busyRate(1);
        assertThat(((UpstreamFailure) failure(alice, sandbox.phoneCode(APP.appId(), "alice"))).kind())
                .isEqualTo(UpstreamFailure.Kind.BUSY);
        sandbox.faults().clear().badGateway(true);
        assertThat(((UpstreamFailure) failure(alice, sandbox.phoneCode(APP.appId(), "alice"))).kind())
                .isEqualTo(UpstreamFailure.Kind.UNAVAILABLE);
    }

    /** WeChat's field table says string, its example shows a number: both are read. */
    @ParameterizedTest
    @ValueSource(strings = {"86", "\"86\""})
    void readsTheCountryCodeAsANumberOrAString(String countryCode) throws Exception {
        var answer = new ObjectMapper().readTree("""
                {"errcode":0,"errmsg":"ok","phone_info":{"phoneNumber":"13800001234","purePhoneNumber":"13800001234",
                 "countryCode":%s,"watermark":{"timestamp":1637744274,"appid":"wxphonetest000001"}}}""".formatted(countryCode));

        assertThat(new GetUserPhoneNumberApi().read(answer)).isEqualTo(new WeChatApi.Reading.Result<>(
                new VerifiedPhone(new PhoneNumber("13800001234", "13800001234", "86"), APP.appId()), "phone number"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"phone_info\":{\"phoneNumber\":\"13800001234\",\"purePhoneNumber\":\"13800001234\",\"countryCode\":86}}",
            "{\"phone_info\":{\"phoneNumber\":\"<script>\",\"purePhoneNumber\":\"1\",\"countryCode\":86,\"watermark\":{\"appid\":\"wx1\"}}}"})
    void anIncompleteOrMalformedAnswerIsGarbled(String json) throws Exception {
        assertThat(new GetUserPhoneNumberApi().read(new ObjectMapper().readTree(json))).isInstanceOf(WeChatApi.Reading.Garbled.class);
    }
}
