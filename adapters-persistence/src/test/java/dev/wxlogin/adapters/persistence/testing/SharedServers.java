package dev.wxlogin.adapters.persistence.testing;

import java.util.EnumMap;
import java.util.Map;

/**
 * One server per engine for the whole test JVM, started on first use. A server that failed to start fails
 * every later use with the same message, without trying again.
 */
final class SharedServers {
    private static final Map<Engine, ServerOrFailure> SERVERS = new EnumMap<>(Engine.class);

    private record ServerOrFailure(DatabaseServer server, RuntimeException failure) {}

    private SharedServers() {}

    static synchronized DatabaseServer of(Engine engine) {
        ServerOrFailure known = SERVERS.computeIfAbsent(engine, SharedServers::start);
        if (known.failure() != null) {
            throw new IllegalStateException(known.failure().getMessage(), known.failure());
        }
        return known.server();
    }

    private static ServerOrFailure start(Engine engine) {
        try {
            return new ServerOrFailure(engine.startShared(), null);
        } catch (RuntimeException e) {
            return new ServerOrFailure(null, e);
        }
    }
}
