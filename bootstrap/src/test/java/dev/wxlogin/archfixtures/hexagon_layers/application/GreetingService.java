package dev.wxlogin.archfixtures.hexagon_layers.application;

import dev.wxlogin.archfixtures.hexagon_layers.domain.Greeting;

/** Compliant: the Application layer, using the Domain layer. */
public final class GreetingService {
    public Greeting greet(String name) {
        return new Greeting("Hello, " + name);
    }
}
