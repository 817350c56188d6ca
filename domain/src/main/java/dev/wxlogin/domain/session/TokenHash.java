package dev.wxlogin.domain.session;

/** SHA-256 of a session token, lowercase hex: the only form in which a token is stored or looked up. */
public record TokenHash(String value) {
    public TokenHash {
        if (value == null || !value.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a token hash is 64 lowercase hex digits");
        }
    }
}
