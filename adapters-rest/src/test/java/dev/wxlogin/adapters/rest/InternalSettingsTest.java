package dev.wxlogin.adapters.rest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InternalSettingsTest {
    private static final String KEY = "s3cr3t-".repeat(5);

    @Test
    void aShortKeyIsRefusedWithoutEchoingAnyKey() {
        String shortKey = "x".repeat(InternalSettings.MIN_KEY_LENGTH - 1);

        assertThatThrownBy(() -> InternalSettings.local(List.of(KEY, shortKey), List.of(TestServer.APP_ID)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("every key must be at least 32 characters")
                .message().doesNotContain(KEY, shortKey);
    }

    @Test
    void aKeyOfExactlyTheMinimumLengthIsAccepted() {
        String minimal = "y".repeat(InternalSettings.MIN_KEY_LENGTH);

        assertThat(InternalSettings.local(List.of(minimal), List.of(TestServer.APP_ID)).apiKeys()).containsExactly(minimal);
    }

    @Test
    void withoutKeysOrAppsThereIsNothingToServe() {
        assertThatThrownBy(() -> InternalSettings.local(List.of(), List.of(TestServer.APP_ID)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InternalSettings.local(List.of(KEY), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InternalSettings("127.0.0.1", 65_536, List.of(KEY), List.of(TestServer.APP_ID)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKeysAreNotPrinted() {
        assertThat(InternalSettings.local(List.of(KEY), List.of(TestServer.APP_ID)).toString())
                .doesNotContain(KEY).contains("1 redacted", TestServer.APP_ID.value());
    }
}
