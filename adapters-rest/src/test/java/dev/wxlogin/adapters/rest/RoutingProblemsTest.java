package dev.wxlogin.adapters.rest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static dev.wxlogin.adapters.rest.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Errors no handler decides: unknown routes, wrong methods, and what Jetty refuses before routing. */
class RoutingProblemsTest {
    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anUnknownRouteIs404() {
        assertProblem(server.get("/nothing/here"), 404, "not_found");
        assertProblem(server.get("/api/v1/nothing"), 404, "not_found");
        assertProblem(server.postJson("/api/v2/login", "{\"code\":\"abc\"}"), 404, "not_found");
    }

    @Test
    void aKnownRouteWithAnotherMethodIs405WithAllow() {
        HttpResponse<String> put = server.send(server.request("/health").PUT(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> delete = server.delete("/api/v1/sessions");

        assertProblem(put, 405, "method_not_allowed");
        assertThat(put.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertProblem(delete, 405, "method_not_allowed");
        assertThat(delete.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void headIsAuthenticatedLikeGet() {
        HttpResponse<String> head = server.send(server.request("/api/v1/me").method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(head.statusCode()).isEqualTo(401);
        assertThat(head.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void headersOverTheLimitAre431() {
        HttpResponse<String> response = server.get("/health", "X-Padding", "x".repeat(RestSettings.DEFAULT_MAX_REQUEST_HEADER_BYTES));

        assertProblem(response, 431, "request_header_fields_too_large");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void aUriOverTheLimitIs414() {
        assertProblem(server.get("/health?q=" + "x".repeat(RestSettings.DEFAULT_MAX_REQUEST_HEADER_BYTES)), 414, "uri_too_long");
    }

    @Test
    void aGarbledRequestIs400AsAProblemWithoutDetailsOfTheRequest() throws IOException {
        String response = rawExchange("GET /health HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(response).contains("\"code\":\"bad_request\"").doesNotContain("Bad Header");
    }

    private String rawExchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
