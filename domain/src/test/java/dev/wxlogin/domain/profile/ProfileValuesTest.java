package dev.wxlogin.domain.profile;

import dev.wxlogin.domain.error.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileValuesTest {
    @Test
    void aNicknameIsNfcTrimmedAndItsWhitespaceRunsMadeOneSpace() {
        assertThat(new Nickname("  Band \t\n of   Two ").value()).isEqualTo("Band of Two");
        assertThat(new Nickname("Cafe\u0301").value()).isEqualTo("Café"); // e + combining acute: one NFC character
        assertThat(new Nickname("微信用户").value()).isEqualTo("微信用户");
    }

    @Test
    void aNicknameHasAtMost32CharactersCountingEachEmojiOnce() {
        assertThat(new Nickname("🐼".repeat(32)).value()).hasSize(64);
        assertThatThrownBy(() -> new Nickname("🐼".repeat(33))).isInstanceOf(InvalidInput.class)
                .hasMessage("nickname must be 1 to 32 characters");
        assertThat(new Nickname("x".repeat(32)).value()).hasSize(32);
        assertThatThrownBy(() -> new Nickname("x".repeat(33))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new Nickname("   ")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new Nickname(null)).isInstanceOf(InvalidInput.class).hasMessage("nickname must be a string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bell\u0007", "nul\u0000", "del\u007f", "c1\u0085x", "bidi\u202Eevil", "zero\u200Bwidth",
            "line\u2028sep", "para\u2029sep", "lone\uD800", "private\uE000", "unassigned\u0378"})
    void controlFormatAndUnpairedSurrogateCharactersAreRefused(String nickname) {
        assertThatThrownBy(() -> new Nickname(nickname)).isInstanceOf(InvalidInput.class)
                .hasMessage("nickname must not contain control or format characters");
    }

    @Test
    void imageFormatsAreKnownByTheirFirstBytes() {
        assertThat(ImageFormat.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})).contains(ImageFormat.PNG);
        assertThat(ImageFormat.sniff("RIFF\0\0\0\0WEBPVP8L".getBytes())).contains(ImageFormat.WEBP);
        assertThat(ImageFormat.sniff("RIFF\0\0\0\0WAVEfmt ".getBytes())).isEmpty(); // a RIFF, but a sound
        assertThat(ImageFormat.sniff("RIFF\0\0\0\0WEB".getBytes())).isEmpty();
        assertThat(ImageFormat.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A})).isEmpty();
        assertThat(ImageFormat.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
        assertThat(ImageFormat.sniff("GIF89a".getBytes())).isEmpty();
        assertThat(ImageFormat.sniff("<svg xmlns=".getBytes())).isEmpty();
        assertThat(ImageFormat.sniff(new byte[0])).isEmpty();
    }

    @Test
    void mediaTypesNameTheFormatsBothWays() {
        for (ImageFormat format : ImageFormat.values()) {
            assertThat(ImageFormat.ofMediaType(format.mediaType())).contains(format);
        }
        assertThat(ImageFormat.JPEG.mediaType()).isEqualTo("image/jpeg");
        assertThat(ImageFormat.PNG.mediaType()).isEqualTo("image/png");
        assertThat(ImageFormat.WEBP.mediaType()).isEqualTo("image/webp");
        assertThat(ImageFormat.ofMediaType("image/gif")).isEmpty();
    }

    @Test
    void anImageIsItsBytesWhichNobodyCanChangeFromOutside() {
        byte[] bytes = {1, 2, 3};
        Image image = new Image(ImageFormat.PNG, bytes);
        bytes[0] = 9;
        image.bytes()[1] = 9;

        assertThat(image.bytes()).containsExactly(1, 2, 3);
        assertThat(image).isEqualTo(new Image(ImageFormat.PNG, new byte[] {1, 2, 3}))
                .hasSameHashCodeAs(new Image(ImageFormat.PNG, new byte[] {1, 2, 3}))
                .isNotEqualTo(new Image(ImageFormat.JPEG, new byte[] {1, 2, 3}))
                .isNotEqualTo(new Image(ImageFormat.PNG, new byte[] {1, 2}))
                .isNotEqualTo("image")
                .hasToString("Image[PNG, 3 bytes]");
        assertThat(image.hashCode()).isNotEqualTo(new Image(ImageFormat.PNG, new byte[] {4, 5, 6}).hashCode());
        assertThatThrownBy(() -> new Image(null, bytes)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void avatarIdsAreRandom256BitNames() {
        AvatarId id = AvatarId.random();

        assertThat(id.value()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(AvatarId.random()).isNotEqualTo(id);
        assertThat(id).hasToString(id.value());
        assertThatThrownBy(() -> new AvatarId("../etc")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void anEmptyProfileHasNothingAndAProfileRefusesNulls() {
        assertThat(Profile.EMPTY.nickname()).isEmpty();
        assertThat(Profile.EMPTY.avatar()).isEmpty();
        assertThatThrownBy(() -> new Profile(null, Optional.empty())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Profile(Optional.empty(), null)).isInstanceOf(NullPointerException.class);
    }
}
