package dev.wxlogin.domain.session;

import java.util.regex.Pattern;

/** SHA-256 of a session token, lowercase hex: the only form in which a token is stored or looked up. */
public record TokenHash(String value) {
    // Compiled once: String.matches would compile it again on every authenticated request, twice.
    private static final Pattern LOWERCASE_HEX_64 = Pattern.compile("[0-9a-f]{64}");

    public TokenHash {
        if (value == null || !LOWERCASE_HEX_64.matcher(value).matches()) {
            throw new IllegalArgumentException("a token hash is 64 lowercase hex digits");
        }
    }
}
