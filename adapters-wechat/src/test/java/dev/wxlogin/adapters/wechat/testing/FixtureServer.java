package dev.wxlogin.adapters.wechat.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A tiny HTTP peer on loopback that answers every request the same scripted way and remembers the requests. */
public final class FixtureServer implements AutoCloseable {
    /** A request as it arrived; {@code contentType} is null when none was sent, {@code body} empty. */
    public record Received(String method, URI uri, String contentType, String body) {
    }

    /** How to answer; {@code released} opens when the fixture closes, for answers that hang until then. */
    @FunctionalInterface
    public interface Answer {
        void answer(HttpExchange exchange, CountDownLatch released) throws IOException, InterruptedException;
    }

    private final CountDownLatch released = new CountDownLatch(1);
    private final List<Received> requests = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpServer server;

    private FixtureServer(Answer answer) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                requests.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI(),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                answer.answer(exchange, released);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    public static FixtureServer answering(Answer answer) {
        return new FixtureServer(answer);
    }

    public static FixtureServer answering(int status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new FixtureServer((exchange, released) -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        });
    }

    /** Takes the request and never answers. */
    public static FixtureServer hanging() {
        return new FixtureServer((exchange, released) -> released.await());
    }

    /** Sends the status line and headers of a long body, then nothing more. */
    public static FixtureServer stallingAfterHeaders() {
        return new FixtureServer((exchange, released) -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 1000);
            exchange.getResponseBody().flush();
            released.await();
        });
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<URI> requests() {
        return requests.stream().map(Received::uri).toList();
    }

    public List<Received> received() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.close();
    }
}
