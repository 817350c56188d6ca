package dev.wxlogin.domain.password;

import dev.wxlogin.domain.Secret;
import dev.wxlogin.domain.error.InvalidInput;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * A password as a user typed it, normalised to Unicode NFKC so that the same password typed on another keyboard
 * (full-width digits, a precomposed accent) is the same password. {@value #MIN_CODE_POINTS} to
 * {@value #MAX_CODE_POINTS} characters (code points); any character but an unpaired surrogate, no composition
 * rules (ASVS 6.2). Never printed: {@link #toString()} is redacted, and the only way to its text is {@link #utf8()},
 * for the hashing adapter.
 */
public final class Password {
    public static final int MIN_CODE_POINTS = 8;
    public static final int MAX_CODE_POINTS = 128;

    private final String value;

    public Password(String raw) {
        if (raw == null) {
            throw new InvalidInput("password must be a string");
        }
        String normalised = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        int length = normalised.codePointCount(0, normalised.length());
        if (length < MIN_CODE_POINTS || length > MAX_CODE_POINTS) {
            throw new InvalidInput("password must be " + MIN_CODE_POINTS + " to " + MAX_CODE_POINTS + " characters");
        }
        if (normalised.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
            throw new InvalidInput("password must be valid Unicode text");
        }
        this.value = normalised;
    }

    /** The normalised password as UTF-8: what is hashed. */
    public byte[] utf8() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** The form common-password lists are kept in: lower case. */
    public String lowerCase() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Password that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return Secret.redacted(Password.class);
    }
}
