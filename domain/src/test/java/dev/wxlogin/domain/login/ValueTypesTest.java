package dev.wxlogin.domain.login;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.app.AppSecret;
import dev.wxlogin.domain.error.InvalidInput;
import dev.wxlogin.domain.session.ClientInfo;
import dev.wxlogin.domain.user.OpenId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueTypesTest {
    @Test
    void aLoginCodeIsOneTo128VisibleAsciiCharacters() {
        assertThat(new LoginCode("0a1b2c~!").value()).isEqualTo("0a1b2c~!");
        assertThat(new LoginCode("x".repeat(128)).value()).hasSize(128);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "has space", "tab\t", "nul\u0000", "\u00e9t\u00e9", "\u4f60\u597d"})
    void anythingElseIsRejectedWithoutEchoingIt(String code) {
        assertThatThrownBy(() -> new LoginCode(code))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> {
                    if (code != null && !code.isEmpty()) {
                        assertThat(e.getMessage()).doesNotContain(code);
                    }
                });
        assertThatThrownBy(() -> new LoginCode("x".repeat(129))).isInstanceOf(InvalidInput.class);
    }

    @Test
    void secretsNeverPrintThemselves() {
        assertThat(new LoginCode("the-code")).hasToString("LoginCode[redacted]");
        assertThat(new SessionKey("HyVFkGl5F5OQWJZZaNzBBg==")).hasToString("SessionKey[redacted]");
        assertThat(new AppSecret("s3cr3t")).hasToString("AppSecret[redacted]");
        assertThat(new WeChatIdentity(new OpenId("o1"), java.util.Optional.empty(), new SessionKey("HyVFkGl5F5OQWJZZaNzBBg==")).toString())
                .doesNotContain("HyVFkGl5F5OQWJZZaNzBBg==");
    }

    @Test
    void aCodeIsRememberedByItsSha256Only() {
        assertThat(new LoginCode("abc").fingerprint())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void idsAreLettersDigitsDashAndUnderscore() {
        assertThat(new AppId("wx1234567890abcdef").value()).isEqualTo("wx1234567890abcdef");
        assertThatThrownBy(() -> new AppId("wx 123")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new OpenId("o/../1")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void clientDetailsLoseControlCharactersAndAreCapped() {
        ClientInfo info = new ClientInfo("Mozilla\r\nX-Injected: 1" + "a".repeat(500), "  ");

        assertThat(info.userAgent()).doesNotContain("\r").doesNotContain("\n").hasSize(ClientInfo.MAX_USER_AGENT);
        assertThat(info.ip()).isEqualTo("  ");
        assertThat(new ClientInfo("", null).userAgent()).isNull();
    }
}
