package dev.wxlogin.domain.profile;

import dev.wxlogin.domain.error.InvalidInput;

import java.text.Normalizer;

/**
 * The name a user chose with WeChat's nickname fill-in ({@code <input type="nickname">}), normalised: Unicode NFC,
 * whitespace trimmed and runs of it made one space. At most {@value #MAX_CODE_POINTS} characters (code points, so
 * an emoji counts once); no control, format (bidi overrides, zero-width marks) or unpaired surrogate characters,
 * which would let a name reorder or hide the text around it.
 */
public record Nickname(String value) {
    public static final int MAX_CODE_POINTS = 32;

    public Nickname {
        if (value == null) {
            throw new InvalidInput("nickname must be a string");
        }
        value = Normalizer.normalize(value, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
        if (value.isEmpty() || value.codePointCount(0, value.length()) > MAX_CODE_POINTS) {
            throw new InvalidInput("nickname must be 1 to " + MAX_CODE_POINTS + " characters");
        }
        if (value.codePoints().anyMatch(Nickname::forbidden)) {
            throw new InvalidInput("nickname must not contain control or format characters");
        }
    }

    private static boolean forbidden(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
