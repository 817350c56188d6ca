package dev.wxlogin.domain.session;

import dev.wxlogin.domain.Hashing;
import dev.wxlogin.domain.error.AuthenticationFailed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionTokenTest {
    @Test
    void aMillionTokensAreDistinctAndEach43Base64urlCharacters() {
        Set<String> seen = new HashSet<>(2_000_000);
        for (int i = 0; i < 1_000_000; i++) {
            String token = SessionToken.generate().reveal();
            assertThat(token).hasSize(43);
            assertThat(seen.add(token)).isTrue();
        }
        assertThat(String.join("", seen.stream().limit(1000).toList())).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aTokenIsStoredAsTheSha256OfItsText() {
        SessionToken token = SessionToken.generate();

        assertThat(token.hash().value()).isEqualTo(Hashing.sha256Hex(token.reveal())).hasSize(64);
    }

    @Test
    void anIssuedTokenParsesBackToItself() {
        SessionToken token = SessionToken.generate();

        assertThat(SessionToken.parse(token.reveal())).isEqualTo(token);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {""})
    void noTokenAtAllIsUnauthenticated(String text) {
        assertThatThrownBy(() -> SessionToken.parse(text))
                .isInstanceOfSatisfying(AuthenticationFailed.class,
                        e -> assertThat(e.reason()).isEqualTo(AuthenticationFailed.Reason.UNAUTHENTICATED));
        assertThatThrownBy(() -> SessionToken.parse("x".repeat(8193))).isInstanceOf(AuthenticationFailed.class);
    }

    /** So that it is looked up, finds nothing and fails like an unknown token, at the same cost. */
    @ParameterizedTest
    @ValueSource(strings = {"short", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "with space", "\u00e9t\u00e9"})
    void aMalformedTokenIsHashedLikeAnyOther(String text) {
        assertThat(SessionToken.parse(text).hash().value()).isEqualTo(Hashing.sha256Hex(text));
    }

    @Test
    void aTokenNeverPrintsItself() {
        SessionToken token = SessionToken.generate();

        assertThat(token.toString()).doesNotContain(token.reveal()).isEqualTo("SessionToken[redacted]");
    }
}
