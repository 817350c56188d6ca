package dev.wxlogin.domain;

import dev.wxlogin.domain.error.InvalidInput;

/** Checks shared by the self-validating value types. Failures never echo the rejected value. */
public final class Validate {
    private Validate() {}

    /** Visible ASCII (0x21..0x7E), 1..maxLength characters. */
    public static void visibleAscii(String value, int maxLength, String what) {
        if (value == null || value.isEmpty() || value.length() > maxLength) {
            throw new InvalidInput(what + " must be 1 to " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                throw new InvalidInput(what + " must be visible ASCII characters");
            }
        }
    }

    /** Letters, digits, '-' and '_', 1..maxLength characters: the alphabet of WeChat ids and our own. */
    public static void identifier(String value, int maxLength, String what) {
        if (value == null || value.isEmpty() || value.length() > maxLength) {
            throw new InvalidInput(what + " must be 1 to " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                throw new InvalidInput(what + " may contain only letters, digits, '-' and '_'");
            }
        }
    }
}
