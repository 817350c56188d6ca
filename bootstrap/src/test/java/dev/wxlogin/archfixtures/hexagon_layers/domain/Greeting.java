package dev.wxlogin.archfixtures.hexagon_layers.domain;

/** Compliant: the Domain layer. */
public record Greeting(String text) {
}
