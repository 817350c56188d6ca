package dev.wxlogin.archfixtures.compliant.domain;

import java.util.Objects;

/** A value object that validates itself with plain Java. */
public record Greeting(String text) {
    public Greeting {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a greeting says something");
        }
    }
}
