package dev.wxlogin.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The running server's message source answers as Spring's default one did (defaults, or no such message). */
class NoMessagesTest {
    @TempDir
    Path temp;

    @Test
    void theServerResolvesMessagesToTheirDefaultsWithoutSpringsDefaultMessageSource() {
        try (TestServer server = TestServer.start(temp)) {
            MessageSource messages = server.component(MessageSource.class);
            assertThat(messages).isInstanceOf(NoMessages.class);
            assertThat(messages.getMessage("any.code", null, "the default", Locale.ROOT)).isEqualTo("the default");
            assertThat(messages.getMessage(new DefaultMessageSourceResolvable(new String[] {"a", "b"}, "fallback"),
                    Locale.ROOT)).isEqualTo("fallback");
            assertThatThrownBy(() -> messages.getMessage("any.code", null, Locale.ROOT))
                    .isInstanceOf(NoSuchMessageException.class);
            assertThatThrownBy(() -> messages.getMessage(new DefaultMessageSourceResolvable("a.code"), Locale.ROOT))
                    .isInstanceOf(NoSuchMessageException.class).hasMessageContaining("a.code");
        }
    }
}
