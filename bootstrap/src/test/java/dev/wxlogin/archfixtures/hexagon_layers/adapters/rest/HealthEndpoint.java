package dev.wxlogin.archfixtures.hexagon_layers.adapters.rest;

import dev.wxlogin.archfixtures.hexagon_layers.bootstrap.ServerSettings;
import dev.wxlogin.archfixtures.hexagon_layers.domain.Greeting;

/**
 * VIOLATION of hexagonLayers: an adapter that reads bootstrap's settings; the Adapters layer may only access the
 * Domain layer (bootstrap hands an adapter what it needs through its constructor).
 */
public final class HealthEndpoint {
    public String health(ServerSettings settings, Greeting greeting) {
        return greeting.text() + " on port " + settings.port();
    }
}
