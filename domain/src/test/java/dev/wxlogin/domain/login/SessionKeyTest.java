package dev.wxlogin.domain.login;

import dev.wxlogin.domain.error.InvalidInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionKeyTest {
    /** WeChat's are 24 characters today; up to 64 are kept, so that a longer key does not break logins. */
    @Test
    void aSessionKeyOfUpTo64CharactersIsKeptAndALongerOneRefusedWithoutEchoingIt() {
        String longest = "K".repeat(64);

        assertThat(new SessionKey(longest).value()).isEqualTo(longest);
        assertThatThrownBy(() -> new SessionKey(longest + "K"))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("session_key must be 1 to 64 characters");
    }
}
