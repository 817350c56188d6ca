package dev.wxlogin.domain.session;

/** SHA-256 of a session token, lowercase hex: the only form in which a token is stored or looked up. */
public record TokenHash(String value) {
    private static final int LENGTH = 64;

    public TokenHash {
        if (value == null || value.length() != LENGTH || !isLowercaseHex(value)) {
            throw new IllegalArgumentException("a token hash is 64 lowercase hex digits");
        }
    }

    // A loop, not a regular expression: every authenticated request makes one.
    private static boolean isLowercaseHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
