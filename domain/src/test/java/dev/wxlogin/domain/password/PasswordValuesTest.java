package dev.wxlogin.domain.password;

import dev.wxlogin.domain.error.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordValuesTest {
    @Test
    void aUsernameIsStoredCompatibilityNormalisedAndCaseFolded() {
        assertThat(new Username("Alice").value()).isEqualTo("alice");
        assertThat(new Username("\uff21\uff4c\uff49\uff43\uff45").value()).isEqualTo("alice"); // full-width
        assertThat(new Username("STRASSE")).isEqualTo(new Username("stra\u00dfe"));
        assertThat(new Username("\u039f\u0394\u039f\u03a3")).isEqualTo(new Username("\u03bf\u03b4\u03bf\u03c2"));
        assertThat(new Username("Cafe\u0301").value()).isEqualTo("caf\u00e9");
        assertThat(new Username("\u5f20\u4e09\u4e30").value()).isEqualTo("\u5f20\u4e09\u4e30");
    }

    @Test
    void aUsernameIsThreeToThirtyTwoCharactersCountedAsCodePoints() {
        assertThat(new Username("abc").value()).hasSize(3);
        assertThat(new Username("a".repeat(32)).value()).hasSize(32);
        assertThat(new Username("\ud83d\ude00".repeat(32)).value()).hasSize(64);
        assertThatThrownBy(() -> new Username("ab")).isInstanceOf(InvalidInput.class).hasMessageContaining("3 to 32");
        assertThatThrownBy(() -> new Username("a".repeat(33))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new Username("\ud83d\ude00".repeat(33))).isInstanceOf(InvalidInput.class);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"has space", "tab\tname", "new\nline", "nul\u0000name", "bidi\u202ename", "zero\u200bwidth",
            "nbsp\u00a0name", "ideo\u3000space", "lone\ud800half", "private\ue000use", "unassigned\u0378"})
    void aUsernameWithWhitespaceControlOrFormatCharactersIsRefusedWithoutEchoingIt(String name) {
        assertThatThrownBy(() -> new Username(name))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith("username must"));
    }

    @Test
    void aPasswordIsNormalisedToNfkc() {
        assertThat(new Password("\uff50\uff41\uff53\uff53\uff17\uff17\uff17\uff17"))
                .isEqualTo(new Password("pass7777"))
                .hasSameHashCodeAs(new Password("pass7777"));
        assertThat(new Password("pass7777").hashCode()).isEqualTo("pass7777".hashCode());
        assertThat(new Password("caf\u0065\u0301-latte").utf8())
                .isEqualTo("caf\u00e9-latte".getBytes(StandardCharsets.UTF_8));
        assertThat(new Password("Correct-Horse")).isNotEqualTo(new Password("correct-horse")).isNotEqualTo("Correct-Horse");
        assertThat(new Password("Correct-Horse").lowerCase()).isEqualTo("correct-horse");
    }

    @Test
    void aPasswordIsEightTo128CharactersOfAnyKind() {
        assertThat(new Password("12345678").utf8()).hasSize(8);
        assertThat(new Password("x".repeat(128)).utf8()).hasSize(128);
        assertThat(new Password("\u5bc6\u7801\u5bc6\u7801\u5bc6\u7801\u5bc6\u7801").utf8()).hasSize(24);
        assertThat(new Password("tabs\tand spaces ").utf8()).hasSize(16);
        assertThatThrownBy(() -> new Password("1234567")).isInstanceOf(InvalidInput.class).hasMessageContaining("8 to 128");
        assertThatThrownBy(() -> new Password("x".repeat(129))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new Password(null)).isInstanceOf(InvalidInput.class).hasMessage("password must be a string");
        assertThatThrownBy(() -> new Password("lone\ud800half"))
                .isInstanceOf(InvalidInput.class).hasMessage("password must be valid Unicode text");
    }

    @Test
    void passwordsAndHashesNeverPrintThemselves() {
        assertThat(new Password("hunter2hunter2")).hasToString("Password[redacted]");
        assertThat(new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA")).hasToString("PasswordHash[redacted]");
        assertThatThrownBy(() -> new PasswordHash("")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void failureSubjectsAreKeptApartByKindAndNeverHoldTheNameItself() {
        FailureSubject name = FailureSubject.of(new Username("Alice"));

        assertThat(name).isEqualTo(FailureSubject.of(new Username("alice")));
        assertThat(name.kind()).isEqualTo(FailureSubject.Kind.USERNAME);
        assertThat(name.key()).hasSize(64).doesNotContain("alice");
        assertThat(FailureSubject.ofClient("alice").kind()).isEqualTo(FailureSubject.Kind.CLIENT);
        assertThat(FailureSubject.ofClient("alice").key()).isNotEqualTo(name.key());
        assertThatThrownBy(() -> new FailureSubject(null, "k")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new FailureSubject(FailureSubject.Kind.CLIENT, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aFailureRecordCountsAtLeastOne() {
        assertThatThrownBy(() -> new Failures(0, java.time.Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Failures(1, null)).isInstanceOf(NullPointerException.class);
    }
}
