package dev.wxlogin.bootstrap;

import dev.wxlogin.domain.error.InvalidInput;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Where settings come from: {@code WXLOGIN_*} environment variables, over an optional properties file
 * with the same keys ({@code WXLOGIN_CONFIG}, else {@code ./wxlogin.properties} if it exists). The typed
 * getters are what every area's settings are read with; the areas are composed by {@link Settings}.
 * <p>
 * A key that is set but blank is refused, unless its getter says empty has a meaning: unset means "the
 * default", and a variable a secret store failed to fill must not quietly mean that. Values are only ever
 * parsed, never printed: some of them are secrets.
 */
final class ConfigurationSource {
    private static final String FILE_KEY = "WXLOGIN_CONFIG";

    private final Map<String, String> values;

    ConfigurationSource(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    static ConfigurationSource fromEnvironment() {
        Map<String, String> env = System.getenv();
        Map<String, String> merged = new HashMap<>();
        Optional<String> named = Optional.ofNullable(env.get(FILE_KEY)).map(String::trim);
        if (named.filter(String::isEmpty).isPresent()) {
            throw setButEmpty(FILE_KEY);
        }
        Path file = named.map(Path::of).orElse(Path.of("wxlogin.properties"));
        if (named.isPresent() || Files.exists(file)) {
            merged.putAll(readProperties(file));
        }
        env.forEach((key, value) -> {
            if (key.startsWith("WXLOGIN_")) {
                merged.put(key, value);
            }
        });
        return new ConfigurationSource(merged);
    }

    private static Map<String, String> readProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new InvalidConfiguration("cannot read the configuration file " + file + ": " + e.getMessage());
        }
        Map<String, String> result = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> result.put(name, properties.getProperty(name)));
        return result;
    }

    /** Whether the key is set at all, even to blank. */
    boolean isSet(String key) {
        return values.containsKey(key);
    }

    /** The keys that are set and begin with {@code prefix}, for variables named after something, such as an AppID. */
    Set<String> keysStartingWith(String prefix) {
        return values.keySet().stream().filter(key -> key.startsWith(prefix)).collect(Collectors.toUnmodifiableSet());
    }

    /** The trimmed value, or empty when the key is not set; set but blank is refused. */
    Optional<String> text(String key) {
        return Optional.ofNullable(values.get(key)).map(String::trim).map(value -> {
            if (value.isEmpty()) {
                throw setButEmpty(key);
            }
            return value;
        });
    }

    private static InvalidConfiguration setButEmpty(String key) {
        return new InvalidConfiguration(key + " is set but empty: give it a value, or remove it altogether");
    }

    String text(String key, String fallback) {
        return text(key).orElse(fallback);
    }

    /** For the few values that may be empty, such as a database password: unset and blank both give "". */
    String textOrEmpty(String key) {
        return Optional.ofNullable(values.get(key)).map(String::trim).orElse("");
    }

    /** A comma-separated list; set but empty is the empty list, unset is {@code fallback}. */
    List<String> list(String key, List<String> fallback) {
        return Optional.ofNullable(values.get(key))
                .map(text -> Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(fallback);
    }

    /** The value as an adapter or domain type parses it; what the parser refuses is refused naming the key. */
    <T> Optional<T> parsed(String key, Function<String, T> parser) {
        return text(key).map(value -> checked(key, () -> parser.apply(value)));
    }

    /**
     * Settings an adapter or the domain validates itself: what it refuses becomes a refusal naming {@code key}.
     * Their messages never echo a value.
     */
    static <T> T checked(String key, Supplier<T> settings) {
        try {
            return settings.get();
        } catch (IllegalArgumentException | InvalidInput e) {
            throw new InvalidConfiguration(key + ": " + e.getMessage());
        }
    }

    int integer(String key, int fallback, int min, int max) {
        return text(key).map(value -> {
            try {
                int parsed = Integer.parseInt(value);
                if (parsed < min || parsed > max) {
                    throw new InvalidConfiguration(key + " must be between " + min + " and " + max);
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new InvalidConfiguration(key + " must be a whole number");
            }
        }).orElse(fallback);
    }

    /** Empty when unset: some defaults depend on other keys. */
    Optional<Boolean> flag(String key) {
        return text(key).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new InvalidConfiguration(key + " must be true or false");
        });
    }

    /** A positive ISO-8601 duration such as {@code PT2H} or {@code P7D}. */
    Duration duration(String key, Duration fallback) {
        return text(key).map(value -> {
            Duration parsed = parseDuration(key, value);
            if (parsed.isZero()) {
                throw new InvalidConfiguration(key + " must be a positive duration");
            }
            return parsed;
        }).orElse(fallback);
    }

    /** An ISO-8601 duration that may be zero, which it is when unset. */
    Duration durationOrZero(String key) {
        return text(key).map(value -> parseDuration(key, value)).orElse(Duration.ZERO);
    }

    private static Duration parseDuration(String key, String value) {
        try {
            Duration parsed = Duration.parse(value);
            if (parsed.isNegative()) {
                throw new InvalidConfiguration(key + " must not be negative");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw new InvalidConfiguration(key + " must be an ISO-8601 duration such as PT2H or P7D");
        }
    }
}
