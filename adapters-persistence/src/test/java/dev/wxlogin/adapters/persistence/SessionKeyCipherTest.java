package dev.wxlogin.adapters.persistence;

import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionKeyCipherTest {
    private static final SessionKey KEY = new SessionKey("c2Vzc2lvbmtleTE2Ynl0ZQ==");
    private static final UserId OWNER = new UserId("u_owner");

    @Test
    void aKeysIdIsTheStartOfItsSha256() throws Exception {
        byte[] key = TestDatabases.randomKey();

        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, 8);

        assertThat(SessionKeyCipher.keyId(key)).isEqualTo(expected);
        assertThat(new SessionKeyCipher(key, List.of()).seal(OWNER, KEY).keyId()).isEqualTo(expected);
    }

    @Test
    void sealingTwiceGivesDifferentCiphertextsThatBothOpen() {
        var cipher = new SessionKeyCipher(TestDatabases.randomKey(), List.of());

        var once = cipher.seal(OWNER, KEY);
        var twice = cipher.seal(OWNER, KEY);

        assertThat(once.ciphertext()).isNotEqualTo(twice.ciphertext());
        assertThat(cipher.open(OWNER, once)).contains(KEY);
        assertThat(cipher.open(OWNER, twice)).contains(KEY);
    }

    @Test
    void garbageDoesNotOpen() {
        var cipher = new SessionKeyCipher(TestDatabases.randomKey(), List.of());
        String keyId = cipher.seal(OWNER, KEY).keyId();

        for (String garbage : new String[] {"", "not base64!", "AAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}) {
            assertThat(cipher.open(OWNER, new SessionKeyCipher.Sealed(garbage, keyId))).isEmpty();
        }
    }

    @Test
    void onlyThirtyTwoByteKeysAreAccepted() {
        assertThatThrownBy(() -> new SessionKeyCipher(new byte[16], List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SessionKeyCipher(TestDatabases.randomKey(), List.of(new byte[31])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRetiredKeyThatIsAlsoCurrentIsHarmless() {
        byte[] key = TestDatabases.randomKey();
        var cipher = new SessionKeyCipher(key, List.of(key.clone()));

        assertThat(cipher.open(OWNER, cipher.seal(OWNER, KEY))).contains(KEY);
    }

    @Test
    void itsDescriptionShowsNoKeyMaterial() {
        byte[] key = TestDatabases.randomKey();

        String text = new SessionKeyCipher(key, List.of()).toString();

        assertThat(text).contains(SessionKeyCipher.keyId(key)).doesNotContain(HexFormat.of().formatHex(key));
    }
}
