package dev.wxlogin.domain.login;

import dev.wxlogin.domain.Secret;
import dev.wxlogin.domain.error.InvalidInput;

/**
 * WeChat's {@code session_key}: base64 text (24 characters for its 16 bytes). It decrypts the user's
 * open data, so it stays on the server: never in a response, a log line or an exception.
 */
public record SessionKey(String value) {
    public SessionKey {
        if (value == null || value.isEmpty() || value.length() > 64) {
            throw new InvalidInput("session_key must be 1 to 64 characters");
        }
    }

    @Override
    public String toString() {
        return Secret.redacted(SessionKey.class);
    }
}
