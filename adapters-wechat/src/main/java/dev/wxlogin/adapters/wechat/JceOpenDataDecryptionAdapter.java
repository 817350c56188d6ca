package dev.wxlogin.adapters.wechat;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.wxlogin.domain.error.OpenDataRejected;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.opendata.EncryptedOpenData;
import dev.wxlogin.domain.port.out.ForDecryptingOpenData;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat's open-data cipher with the JDK's AES ({@code AES/CBC/PKCS5Padding}, which on 16-byte blocks is PKCS#7)
 * and Jackson for the JSON plaintext. It lives in an adapter, not the domain, because the plaintext is JSON: a wrong
 * key shows as bad padding or, one time in a few hundred, as bytes that pass the padding check but are no JSON, and
 * telling those apart from good data takes a parser the domain does not have. Nothing here logs or throws a text
 * that holds the data, the plaintext or the key.
 */
public final class JceOpenDataDecryptionAdapter implements ForDecryptingOpenData {
    private static final int KEY_BYTES = 16;
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    @Override
    public Optional<Map<String, Object>> decrypt(SessionKey key, EncryptedOpenData data) {
        return plaintext(aesKey(key), data).flatMap(JceOpenDataDecryptionAdapter::jsonObject);
    }

    private static byte[] aesKey(SessionKey key) {
        try {
            byte[] bytes = Base64.getDecoder().decode(key.value());
            if (bytes.length == KEY_BYTES) {
                return bytes;
            }
        } catch (IllegalArgumentException notBase64) {
            // refused below, like a key of the wrong length
        }
        throw new OpenDataRejected(OpenDataRejected.Reason.INVALID_OPEN_DATA);
    }

    private static Optional<String> plaintext(byte[] key, EncryptedOpenData data) {
        try {
            Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(data.iv()));
            byte[] plain = aes.doFinal(data.ciphertext());
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plain)).toString());
        } catch (BadPaddingException | CharacterCodingException wrongKey) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has AES/CBC/PKCS5Padding", e);
        }
    }

    private static Optional<Map<String, Object>> jsonObject(String text) {
        try {
            return Optional.ofNullable(JSON.readValue(text, OBJECT));
        } catch (JacksonException notAnObject) { // the exception quotes the input: dropped here
            return Optional.empty();
        }
    }
}
