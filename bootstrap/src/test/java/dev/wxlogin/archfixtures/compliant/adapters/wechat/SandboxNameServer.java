package dev.wxlogin.archfixtures.compliant.adapters.wechat;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** The local fake of the remote API, on the JDK HTTP server, inside the WeChat adapter. */
public final class SandboxNameServer {
    private final HttpServer server;

    public SandboxNameServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/names/", exchange -> {
            byte[] body = "{\"name\":\"sandbox\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    public void start() {
        server.start();
    }
}
