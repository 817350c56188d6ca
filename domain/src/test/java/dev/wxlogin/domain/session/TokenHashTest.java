package dev.wxlogin.domain.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenHashTest {
    private static final String HEX_64 = "0123456789abcdef".repeat(4);

    @Test
    void sixtyFourLowercaseHexDigitsAreAHash() {
        assertThat(new TokenHash(HEX_64).value()).isEqualTo(HEX_64);
        assertThat(SessionToken.generate().hash().value()).hasSize(64);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg",
            // the characters just outside each range
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde/",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde:",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde`"})
    void anythingElseIsRefused(String value) {
        assertThatThrownBy(() -> new TokenHash(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 lowercase hex digits");
    }
}
