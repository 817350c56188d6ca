package dev.wxlogin.archfixtures.hexagon_layers.shared;

/**
 * VIOLATION of hexagonLayers: a class in a new top-level package that belongs to no layer; a "shared" package
 * is a decision to make explicitly (in the domain, or duplicated in the adapters), not by accident.
 */
public final class Strings {
    private Strings() {
    }

    public static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
