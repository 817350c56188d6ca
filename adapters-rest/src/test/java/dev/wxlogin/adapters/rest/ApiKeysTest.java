package dev.wxlogin.adapters.rest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeysTest {
    private static final String KEY = "a".repeat(32);
    private static final String NEXT = "0123456789abcdef0123456789abcdef-next";
    private final ApiKeys keys = new ApiKeys(List.of(KEY, NEXT));

    @Test
    void everyConfiguredKeyIsAccepted() {
        assertThat(keys.accepts(KEY)).isTrue();
        assertThat(keys.accepts(NEXT)).isTrue();
    }

    /** Hashing first makes every comparison 32 bytes against 32, so a prefix, a longer text or nothing simply fail. */
    @ParameterizedTest
    @ValueSource(strings = {"", "a", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "0123456789abcdef0123456789abcdef", " aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void anythingElseIsRefused(String presented) {
        assertThat(keys.accepts(presented)).isFalse();
    }

    @Test
    void aKeyOfOtherCharactersIsComparedByItsUtf8Bytes() {
        ApiKeys unicode = new ApiKeys(List.of("é".repeat(32)));

        assertThat(unicode.accepts("é".repeat(32))).isTrue();
        assertThat(unicode.accepts("e".repeat(32))).isFalse();
    }
}
