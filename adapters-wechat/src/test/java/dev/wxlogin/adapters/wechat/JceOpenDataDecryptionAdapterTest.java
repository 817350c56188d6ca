package dev.wxlogin.adapters.wechat;

import dev.wxlogin.domain.error.OpenDataRejected;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.opendata.EncryptedOpenData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Decryption against fixed vectors made by an independent implementation, so that a mistake made the same way in
 * the sandbox's encryption and in the adapter's decryption (mode, padding, a decoded vs a text key) cannot hide.
 * Made with OpenSSL 3.0.19:
 * <pre>
 * printf '%s' PLAINTEXT | openssl enc -aes-128-cbc -K 77786c6f67696e2d766563746f722d31 \
 *     -iv 69762d6f662d766563746f722d303121 -base64 -A
 * </pre>
 * The key is the 16 ASCII bytes {@code wxlogin-vector-1} (session_key text {@code d3hsb2dpbi12ZWN0b3ItMQ==}), the iv
 * {@code iv-of-vector-01!} ({@code aXYtb2YtdmVjdG9yLTAxIQ==}); each plaintext is quoted beside its vector.
 */
class JceOpenDataDecryptionAdapterTest {
    private static final SessionKey KEY = new SessionKey("d3hsb2dpbi12ZWN0b3ItMQ==");
    private static final String IV = "aXYtb2YtdmVjdG9yLTAxIQ==";
    /**
     * {"phoneNumber":"13580006666","purePhoneNumber":"13580006666","countryCode":"86",
     * "watermark":{"timestamp":1767225600,"appid":"wx0123456789abcdef"}}
     */
    private static final String PHONE = "MQuV1FBTnDdzR08v4n6mouWFBiwJfdpTnOnZaW895umqZhQYgMRirUqTYFxAaC6JqAM+NZc+7qUmU7smCofUD5X+"
            + "Kr/3L2k9jZ/meDvPqBwWSdP39hK/NexfXlaL8HIb+a0wpslHz0hd+xgFNeFt7diAnLiOx4ovTND3FMBzUIjRt/tFTomhY7H5mNdmS10VdbEpQM4Ro/"
            + "2ErLhWs+qVyA==";
    /**
     * {"nickName":"Band","gender":1,"language":"zh_CN","unionId":"oUnion0123456789abcdefghijk",
     * "watermark":{"timestamp":1767225600,"appid":"wx0123456789abcdef"},"city":"广州"} (UTF-8)
     */
    private static final String USER_INFO = "ZXVsk1MSkiawwY8kia1v9Fv1L4YM153sQ/Gt0cMfR9ivFml189UsRGi3n1bmMHW+r/RSIzXuE6dbymYZWdRa"
            + "HSvv8l/EWWno2meiGkKURuUFmmXkic4zyhuoDdHneN41W71EKkaaxcyTovZnTHpWsQ9XUJ/dhWid1GfjEqcbIEH1Yc1vl92vF+BqcT+veQdKnBPB3W"
            + "ftMOx0yGgmVG9WBPzvtUhh0yf0i550M3/peg0=";
    /** {"a":"01234567"}: exactly one block, so PKCS#7 adds a whole block of padding. */
    private static final String ONE_BLOCK = "dIuFiQCIlhbJvXMOf0aBD9y+S3sWhQvyzzPad3FPRzs=";
    /** not json at all: well padded, but no JSON object. */
    private static final String NOT_JSON = "Wbn8jcjcYs58/VhhKm2/zA==";

    private final JceOpenDataDecryptionAdapter adapter = new JceOpenDataDecryptionAdapter();

    private static EncryptedOpenData data(String encryptedData) {
        return new EncryptedOpenData(encryptedData, IV, Optional.empty(), Optional.empty());
    }

    @Test
    void decryptsTheLegacyPhonePayloadOfTheFixedVector() {
        Map<String, Object> plaintext = adapter.decrypt(KEY, data(PHONE)).orElseThrow();

        assertThat(plaintext).containsEntry("phoneNumber", "13580006666").containsEntry("countryCode", "86")
                .containsEntry("watermark", Map.of("timestamp", 1767225600, "appid", "wx0123456789abcdef"));
        assertThat(List.copyOf(plaintext.keySet()))
                .containsExactly("phoneNumber", "purePhoneNumber", "countryCode", "watermark");
    }

    @Test
    void decryptsUtf8UserInfoOfTheFixedVector() {
        assertThat(adapter.decrypt(KEY, data(USER_INFO)).orElseThrow())
                .containsEntry("nickName", "Band").containsEntry("gender", 1).containsEntry("city", "广州")
                .containsEntry("unionId", "oUnion0123456789abcdefghijk");
    }

    @Test
    void stripsAWholeBlockOfPadding() {
        assertThat(adapter.decrypt(KEY, data(ONE_BLOCK))).contains(Map.of("a", "01234567"));
    }

    @Test
    void anotherKeyDoesNotOpenTheData() {
        SessionKey other = new SessionKey("b3RoZXItc2Vzc2lvbi1rZQ==");

        assertThat(adapter.decrypt(other, data(PHONE))).isEmpty();
        assertThat(adapter.decrypt(other, data(ONE_BLOCK))).isEmpty();
    }

    @Test
    void wellPaddedBytesThatAreNoJsonObjectAreNotOpened() {
        assertThat(adapter.decrypt(KEY, data(NOT_JSON))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"c2hvcnQta2V5", "dGhpcnR5LXR3by1ieXRlLWtleS1vZi1hbi1hZXMtMjU2", "not base64!"})
    void aSessionKeyThatIsNot16BytesIsRefusedAsInvalidOpenData(String key) {
        assertThatThrownBy(() -> adapter.decrypt(new SessionKey(key), data(PHONE)))
                .isInstanceOfSatisfying(OpenDataRejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(OpenDataRejected.Reason.INVALID_OPEN_DATA));
    }
}
