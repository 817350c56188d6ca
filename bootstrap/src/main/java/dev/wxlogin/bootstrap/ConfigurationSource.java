package dev.wxlogin.bootstrap;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where settings come from: {@code WXLOGIN_*} environment variables, over an optional properties file
 * with the same keys ({@code WXLOGIN_CONFIG}, else {@code ./wxlogin.properties} if it exists).
 * Values are only ever parsed, never printed: some of them are secrets.
 */
final class ConfigurationSource {
    private final Map<String, String> values;

    ConfigurationSource(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    static ConfigurationSource fromEnvironment() {
        Map<String, String> env = System.getenv();
        Map<String, String> merged = new HashMap<>();
        Path file = Optional.ofNullable(env.get("WXLOGIN_CONFIG")).map(Path::of).orElse(Path.of("wxlogin.properties"));
        if (env.containsKey("WXLOGIN_CONFIG") || Files.exists(file)) {
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

    Optional<String> text(String key) {
        return Optional.ofNullable(values.get(key)).map(String::trim).filter(value -> !value.isEmpty());
    }

    String text(String key, String fallback) {
        return text(key).orElse(fallback);
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

    boolean flag(String key, boolean fallback) {
        return text(key).map(value -> switch (value.toLowerCase()) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new InvalidConfiguration(key + " must be true or false");
        }).orElse(fallback);
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
