package dev.wxlogin.domain.session;

/** SHA-256 of a session token, lowercase hex: the only form in which a token is stored or looked up. */
public record TokenHash(String value) {
    private static final int LENGTH = 64;

    public TokenHash {
        if (value == null || value.length() != LENGTH || !Characters.all(value, TokenHash::isLowercaseHex)) {
            throw new IllegalArgumentException("a token hash is 64 lowercase hex digits");
        }
    }

    private static boolean isLowercaseHex(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
    }
}
