package dev.wxlogin.domain.port.out;

import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.opendata.EncryptedOpenData;

import java.util.Map;
import java.util.Optional;

/**
 * WeChat's open-data cipher: AES-128-CBC with PKCS#7 padding, keyed by the base64-decoded session_key, whose
 * plaintext is one UTF-8 JSON object. Never logs the data, the plaintext or the key.
 */
public interface ForDecryptingOpenData {
    /**
     * The plaintext's members (strings, numbers, booleans, lists, maps, nulls), or empty when {@code key} does not
     * open the data: bad padding, or a plaintext that is not one JSON object, which is what a wrong key yields.
     *
     * @throws dev.wxlogin.domain.error.OpenDataRejected {@code INVALID_OPEN_DATA} when {@code key} does not decode
     *                                                   to 16 bytes
     */
    Optional<Map<String, Object>> decrypt(SessionKey key, EncryptedOpenData data);
}
