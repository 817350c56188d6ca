package dev.wxlogin.adapters.passwords;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An Argon2id hash in the PHC string format: {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>}. */
record PhcString(Argon2Cost cost, byte[] salt, byte[] hash) {
    static final int VERSION = 19;
    private static final Pattern FORMAT = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{11,88})");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    /** Empty-handed for anything else: another algorithm, another version, a damaged string. */
    static Optional<PhcString> parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Argon2Cost cost = new Argon2Cost(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            return Optional.of(new PhcString(cost, DECODER.decode(m.group(4)), DECODER.decode(m.group(5))));
        } catch (IllegalArgumentException outOfRange) {
            return Optional.empty();
        }
    }

    String format() {
        return "$argon2id$v=" + VERSION + "$m=" + cost.memoryKib() + ",t=" + cost.iterations()
                + ",p=" + cost.parallelism() + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }
}
