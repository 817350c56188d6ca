package dev.wxlogin.domain.token;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.AccessTokenRejected;
import dev.wxlogin.domain.error.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTokenTest {
    @Test
    void anAccessTokenIsOneTo512Characters() {
        assertThat(new AccessToken("t").value()).isEqualTo("t");
        assertThat(new AccessToken("T".repeat(512)).value()).hasSize(AccessToken.MAX_LENGTH);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void anEmptyOneIsRefused(String value) {
        assertThatThrownBy(() -> new AccessToken(value))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("an access_token must be 1 to 512 characters");
    }

    @Test
    void aLongerOneIsRefusedWithoutEchoingIt() {
        String tooLong = "T".repeat(513);

        assertThatThrownBy(() -> new AccessToken(tooLong))
                .isInstanceOf(InvalidInput.class)
                .message().doesNotContain(tooLong);
    }

    @Test
    void itNeverPrintsItself() {
        AccessToken token = new AccessToken("90_the-token-itself");

        assertThat(token).hasToString("AccessToken[redacted]");
        assertThat(new AccessTokenGrant(new AppId("wx0123456789abcdef"), token, Instant.EPOCH).toString())
                .doesNotContain("the-token-itself");
    }

    @Test
    void tokensAreEqualByValue() {
        assertThat(new AccessToken("same")).isEqualTo(new AccessToken("same")).isNotEqualTo(new AccessToken("other"));
    }

    @Test
    void aGrantNamesItsAppIdTokenAndExpiry() {
        AppId app = new AppId("wx0123456789abcdef");
        AccessToken token = new AccessToken("t");

        assertThatThrownBy(() -> new AccessTokenGrant(null, token, Instant.EPOCH)).hasMessage("appId");
        assertThatThrownBy(() -> new AccessTokenGrant(app, null, Instant.EPOCH)).hasMessage("token");
        assertThatThrownBy(() -> new AccessTokenGrant(app, token, null)).hasMessage("expiresAt");
    }

    @Test
    void aRejectionSaysWhichErrcodeAndNothingElse() {
        AccessTokenRejected rejected = new AccessTokenRejected(42001);

        assertThat(rejected.errcode()).isEqualTo(42001);
        assertThat(rejected).hasMessage("WeChat rejected the access_token with errcode 42001");
    }
}
