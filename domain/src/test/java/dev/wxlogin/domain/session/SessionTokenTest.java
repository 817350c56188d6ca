package dev.wxlogin.domain.session;

import dev.wxlogin.domain.Hashing;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.AuthenticationFailed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

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

    /** The app a request names travels with the token to authentication; the token itself stays the same. */
    @Test
    void aTokenPresentedForAMiniProgramIsTheSameTokenThatNamesIt() {
        SessionToken parsed = SessionToken.parse(SessionToken.generate().reveal());
        AppId app = new AppId("wxshop0000000001");

        SessionToken presented = parsed.presentedFor(app);

        assertThat(parsed.presentedFor()).isEmpty();
        assertThat(SessionToken.generate().presentedFor()).isEmpty();
        assertThat(presented.presentedFor()).contains(app);
        assertThat(presented).isEqualTo(parsed).hasSameHashCodeAs(parsed);
        assertThat(presented.reveal()).isEqualTo(parsed.reveal());
        assertThat(presented.hash()).isEqualTo(parsed.hash());
    }

    @Test
    void anyFortyThreeBase64urlCharactersParse() {
        String text = "AZaz09-_".repeat(5) + "xyz";

        assertThat(SessionToken.parse(text).reveal()).isEqualTo(text);
    }

    /** The format is public, so whatever cannot be a token fails like an unknown one, before any lookup. */
    @ParameterizedTest
    @NullSource
    @MethodSource("notTokens")
    void whatCannotBeATokenIsUnauthenticated(String text) {
        assertThatThrownBy(() -> SessionToken.parse(text))
                .isInstanceOfSatisfying(AuthenticationFailed.class,
                        e -> assertThat(e.reason()).isEqualTo(AuthenticationFailed.Reason.UNAUTHENTICATED));
    }

    static Stream<String> notTokens() {
        String almost = "A".repeat(42);
        return Stream.of("", "short", almost, almost + "AA", "A".repeat(8193),
                almost + "=", almost + "+", almost + "/", // padded, or plain base64 rather than base64url
                " " + almost, almost + " ", "A".repeat(21) + " " + "A".repeat(21),
                "\u00e9" + almost, almost + "\u0000", almost + "\uD83D");
    }

    @Test
    void aTokenNeverPrintsItself() {
        SessionToken token = SessionToken.generate();

        assertThat(token.toString()).doesNotContain(token.reveal()).isEqualTo("SessionToken[redacted]");
    }
}
