package dev.wxlogin.archfixtures.hexagon_layers.bootstrap;

/** Compliant: the Bootstrap layer, which nobody may use. */
public record ServerSettings(int port) {
}
