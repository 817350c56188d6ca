package dev.wxlogin.domain.token;

import dev.wxlogin.domain.Secret;
import dev.wxlogin.domain.error.InvalidInput;

/**
 * An AppID's {@code access_token}: the credential every WeChat server API but code2Session needs. It grants
 * the whole app's API, so it is a secret: never in a log line, an exception message, or a response other than
 * the internal API's that hands it to a business server.
 */
public record AccessToken(String value) {
    /** WeChat documents room for at least 512 characters. */
    public static final int MAX_LENGTH = 512;

    public AccessToken {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new InvalidInput("an access_token must be 1 to " + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return Secret.redacted(AccessToken.class);
    }
}
