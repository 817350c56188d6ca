package dev.wxlogin.adapters.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A real listener on 127.0.0.1 and the JDK's HTTP client (HTTP/1.1) to talk to it. */
abstract class HttpTestServer implements AutoCloseable {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    abstract int port();

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path));
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(withHeaders(request(path).GET(), headers));
    }

    HttpResponse<String> postJson(String path, String body, String... headers) {
        return send(withHeaders(request(path), headers).header("Content-Type", TestServer.JSON)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> post(String path, String... headers) {
        return send(withHeaders(request(path), headers).POST(HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> delete(String path, String... headers) {
        return send(withHeaders(request(path), headers).DELETE());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, String... headers) {
        return headers.length == 0 ? request : request.headers(headers);
    }

    /** First on closing: no idle keep-alive connection left for the graceful stop to wait out. */
    void closeClient() {
        client.close();
    }

    @Override
    public abstract void close();
}
