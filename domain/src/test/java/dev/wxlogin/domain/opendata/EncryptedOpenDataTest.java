package dev.wxlogin.domain.opendata;

import dev.wxlogin.domain.error.InvalidInput;
import dev.wxlogin.domain.error.OpenDataRejected;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EncryptedOpenDataTest {
    private static final String IV = base64(16);
    private static final String TWO_BLOCKS = base64(32);

    private static String base64(int bytes) {
        byte[] data = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            data[i] = (byte) i;
        }
        return Base64.getEncoder().encodeToString(data);
    }

    private static EncryptedOpenData unsigned(String encryptedData, String iv) {
        return new EncryptedOpenData(encryptedData, iv, Optional.empty(), Optional.empty());
    }

    private static void refusedAsInvalidOpenData(ThrowableAssert.ThrowingCallable construction) {
        assertThatThrownBy(construction).isInstanceOfSatisfying(OpenDataRejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(OpenDataRejected.Reason.INVALID_OPEN_DATA));
    }

    @Test
    void holdsTheDecodedBytesAndTheSignedRawData() {
        EncryptedOpenData data = new EncryptedOpenData(TWO_BLOCKS, IV, Optional.of("{}"), Optional.of("abc"));

        assertThat(data.iv()).isEqualTo(Base64.getDecoder().decode(IV));
        assertThat(data.ciphertext()).isEqualTo(Base64.getDecoder().decode(TWO_BLOCKS));
        assertThat(data.signed()).contains(new EncryptedOpenData.SignedRawData("{}", "abc"));
        assertThat(unsigned(TWO_BLOCKS, IV).signed()).isEmpty();
    }

    @Test
    void handsOutCopiesSoTheDataCannotBeChangedAfterTheChecks() {
        EncryptedOpenData data = unsigned(TWO_BLOCKS, IV);

        data.iv()[0] = 42;
        data.ciphertext()[0] = 42;

        assertThat(data.iv()[0]).isZero();
        assertThat(data.ciphertext()[0]).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 15, 17, 24, 32})
    void anIvThatIsNot16BytesIsInvalidOpenData(int bytes) {
        refusedAsInvalidOpenData(() -> unsigned(TWO_BLOCKS, base64(bytes)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 15, 17, 33})
    void ciphertextThatIsNoWholeNumberOfBlocksIsInvalidOpenData(int bytes) {
        refusedAsInvalidOpenData(() -> unsigned(base64(bytes), IV));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "AAAA AAAA", "AAAAAAAAAAAAAAAAAAAAAA-_", "AAA", "%%%%"})
    void brokenBase64IsInvalidOpenData(String text) {
        refusedAsInvalidOpenData(() -> unsigned(text, IV));
        refusedAsInvalidOpenData(() -> unsigned(TWO_BLOCKS, text));
    }

    @Test
    void rawDataAndSignatureComeTogether() {
        assertThatThrownBy(() -> new EncryptedOpenData(TWO_BLOCKS, IV, Optional.of("{}"), Optional.empty()))
                .isInstanceOf(InvalidInput.class).hasMessage("rawData and signature must be sent together");
        assertThatThrownBy(() -> new EncryptedOpenData(TWO_BLOCKS, IV, Optional.empty(), Optional.of("abc")))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void everyMemberHasItsLengthLimit() {
        String longest = "A".repeat(EncryptedOpenData.MAX_ENCRYPTED_CHARS);
        assertThat(unsigned(longest, IV).ciphertext()).hasSize(EncryptedOpenData.MAX_ENCRYPTED_CHARS / 4 * 3);
        assertThatThrownBy(() -> unsigned(longest + "AAAA", IV)).isInstanceOf(InvalidInput.class)
                .hasMessage("encryptedData must be 1 to " + EncryptedOpenData.MAX_ENCRYPTED_CHARS + " characters");
        assertThatThrownBy(() -> unsigned("", IV)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> unsigned(null, IV)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> unsigned(TWO_BLOCKS, "")).isInstanceOf(InvalidInput.class).hasMessageStartingWith("iv ");
        assertThatThrownBy(() -> unsigned(TWO_BLOCKS, longest + "A")).isInstanceOf(InvalidInput.class);

        String rawData = "x".repeat(EncryptedOpenData.MAX_RAW_DATA_CHARS);
        assertThat(new EncryptedOpenData(TWO_BLOCKS, IV, Optional.of(rawData), Optional.of("s".repeat(64))).signed())
                .isPresent();
        assertThatThrownBy(() -> new EncryptedOpenData(TWO_BLOCKS, IV, Optional.of(rawData + "x"), Optional.of("s")))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("rawData ");
        assertThatThrownBy(() -> new EncryptedOpenData(TWO_BLOCKS, IV, Optional.of(""), Optional.of("s")))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new EncryptedOpenData(TWO_BLOCKS, IV, Optional.of("{}"), Optional.of("s".repeat(65))))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("signature ");
    }

    @Test
    void printsNoneOfTheData() {
        assertThat(new EncryptedOpenData(TWO_BLOCKS, IV, Optional.of("{\"nickName\":\"Band\"}"), Optional.of("abc")))
                .hasToString("EncryptedOpenData[32 bytes, signed]");
        assertThat(unsigned(TWO_BLOCKS, IV)).hasToString("EncryptedOpenData[32 bytes]");
    }
}
