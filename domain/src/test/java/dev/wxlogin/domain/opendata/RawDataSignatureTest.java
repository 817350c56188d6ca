package dev.wxlogin.domain.opendata;

import dev.wxlogin.domain.login.SessionKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** shared/wechat-api.md §5.3 TV-2: the official rawData SHA-1 vector. */
class RawDataSignatureTest {
    private static final String RAW_DATA = "{\"nickName\":\"Band\",\"gender\":1,\"language\":\"zh_CN\",\"city\":\"Guangzhou\","
            + "\"province\":\"Guangdong\",\"country\":\"CN\",\"avatarUrl\":\"http://wx.qlogo.cn/mmopen/vi_32/"
            + "1vZvI39NWFQ9XM4LtQpFrQJ1xlgZxx3w7bQxKARol6503Iuswjjn6nIGBiaycAjAtpujxyzYsrztuuICqIM5ibXQ/0\"}";
    private static final SessionKey KEY = new SessionKey("HyVFkGl5F5OQWJZZaNzBBg==");
    private static final String SIGNATURE = "75e81ceda165f4ffa64f4068af58c64b8f54b88c";

    @Test
    void reproducesTheOfficialVector() {
        assertThat(RawDataSignature.of(RAW_DATA, KEY)).isEqualTo(SIGNATURE);
    }

    @Test
    void acceptsOnlyTheExactSignatureOfTheExactText() {
        assertThat(RawDataSignature.matches(new EncryptedOpenData.SignedRawData(RAW_DATA, SIGNATURE), KEY)).isTrue();
        assertThat(RawDataSignature.matches(new EncryptedOpenData.SignedRawData(RAW_DATA, SIGNATURE.toUpperCase()), KEY))
                .isFalse();
        assertThat(RawDataSignature.matches(new EncryptedOpenData.SignedRawData(RAW_DATA + " ", SIGNATURE), KEY)).isFalse();
        assertThat(RawDataSignature.matches(new EncryptedOpenData.SignedRawData(RAW_DATA, SIGNATURE),
                new SessionKey("b3RoZXItc2Vzc2lvbi1rZQ=="))).isFalse();
    }

    @Test
    void hashesTheUtf8BytesOfTheText() {
        // printf '%s' '{"nickName":"微信用户"}HyVFkGl5F5OQWJZZaNzBBg==' | sha1sum
        assertThat(RawDataSignature.of("{\"nickName\":\"微信用户\"}", KEY)).isEqualTo("d72b1b4ab9a6425c9937ecb620c055f6c1de2db4");
    }
}
