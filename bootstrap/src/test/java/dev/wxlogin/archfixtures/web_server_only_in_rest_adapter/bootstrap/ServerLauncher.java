package dev.wxlogin.archfixtures.web_server_only_in_rest_adapter.bootstrap;

import io.javalin.Javalin;

/**
 * VIOLATION of webServerOnlyInRestAdapter: bootstrap creates the Javalin server itself instead of starting the
 * API through the REST adapter.
 */
public final class ServerLauncher {
    private ServerLauncher() {
    }

    public static Javalin start(int port) {
        return Javalin.create().start(port);
    }
}
