package dev.wxlogin.domain.app;

import dev.wxlogin.domain.error.InvalidInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppSecretTest {
    /** A configured AppSecret with a control character in it is refused, and the refusal does not contain it. */
    @Test
    void anAppSecretIsVisibleAsciiAndARefusalNeverEchoesIt() {
        assertThat(new AppSecret("0123456789abcdef0123456789abcdef").value()).isEqualTo("0123456789abcdef0123456789abcdef");

        assertThatThrownBy(() -> new AppSecret("0123456789abcdef\n"))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("AppSecret must be visible ASCII characters");
    }
}
