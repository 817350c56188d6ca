package dev.wxlogin.adapters.wechat;

import dev.wxlogin.domain.login.SessionKey;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The {@code signature} of checksession and resetusersessionkey: lowercase hex HMAC-SHA256 keyed with the UTF-8
 * bytes of the session_key's base64 <em>text</em> (not the 16 bytes it decodes to), over the empty message, as
 * WeChat's login-state vector TV-3 pins it. The signature proves the key, so it is as secret as the key.
 */
final class SessionKeySignature {
    private SessionKeySignature() {}

    static String of(SessionKey key) {
        return hmacSha256Hex(key.value(), "");
    }

    static String hmacSha256Hex(String key, String message) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(hmac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256");
        }
    }
}
