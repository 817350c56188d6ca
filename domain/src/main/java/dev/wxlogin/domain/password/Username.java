package dev.wxlogin.domain.password;

import dev.wxlogin.domain.error.InvalidInput;

import java.text.Normalizer;
import java.util.Locale;

/**
 * An account name, in the one form it is stored and compared in: Unicode NFKC, then case-folded, so that
 * {@code Ａｌｉｃｅ}, {@code ALICE} and {@code alice} are one name. {@value #MIN_CODE_POINTS} to
 * {@value #MAX_CODE_POINTS} characters (code points); no whitespace, control, format (bidi overrides, zero-width
 * marks), private-use, unassigned or unpaired surrogate characters, which would let two names look alike.
 */
public record Username(String value) {
    public static final int MIN_CODE_POINTS = 3;
    public static final int MAX_CODE_POINTS = 32;

    public Username {
        if (value == null) {
            throw new InvalidInput("username must be a string");
        }
        value = folded(value);
        int length = value.codePointCount(0, value.length());
        if (length < MIN_CODE_POINTS || length > MAX_CODE_POINTS) {
            throw new InvalidInput("username must be " + MIN_CODE_POINTS + " to " + MAX_CODE_POINTS + " characters");
        }
        if (value.codePoints().anyMatch(Username::forbidden)) {
            throw new InvalidInput("username must not contain whitespace, control or format characters");
        }
    }

    /**
     * NFKC, then upper and lower case, then NFKC again: the JDK has no full case folding, and the round trip
     * through upper case folds what lower case alone leaves apart ({@code ß} and {@code ss}, {@code ς} and
     * {@code σ}).
     */
    private static String folded(String raw) {
        String compatible = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        return Normalizer.normalize(compatible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
    }

    private static boolean forbidden(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
    }
}
