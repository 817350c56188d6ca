package dev.wxlogin.adapters.rest;

import dev.wxlogin.domain.session.SessionToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static dev.wxlogin.adapters.rest.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** What a JSON body must be before any port is called: the rules of {@code JsonRequestBodies}, seen at the login. */
class JsonRequestBodyTest {
    private static final String LOGIN = "/api/v1/login";
    private static final int LIMIT = RestSettings.DEFAULT_MAX_BODY_BYTES;
    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"code\":",                              // truncated
            "{code:\"abc\"}",                          // unquoted name
            "{\"code\":\"abc\"} {\"code\":\"def\"}",   // trailing content
            "{\"code\":\"abc\",\"code\":\"def\"}",     // duplicate member
            "[\"abc\"]",                               // not an object
            "\"abc\"",                                 // not an object
            "null",
            "",                                        // empty
            "   "})
    void malformedJsonIs400(String body) {
        assertProblem(server.postJson(LOGIN, body), 400, "bad_request");

        verifyNoInteractions(server.loggingIn);
    }

    @Test
    void deeplyNestedJsonIs400() {
        String nested = "[".repeat(5_000) + "]".repeat(5_000);

        assertProblem(server.postJson(LOGIN, "{\"code\":\"abc\",\"x\":" + nested + "}"), 400, "bad_request");

        verifyNoInteractions(server.loggingIn);
    }

    @Test
    void invalidUtf8Is400() {
        byte[] body = concat("{\"code\":\"ab".getBytes(StandardCharsets.US_ASCII), new byte[]{(byte) 0xC3, (byte) 0x28},
                "\"}".getBytes(StandardCharsets.US_ASCII));

        assertProblem(post(body, TestServer.JSON), 400, "bad_request");

        verifyNoInteractions(server.loggingIn);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/json-patch+json",
            "text/json", "application/json; charset=ISO-8859-1", "multipart/form-data; boundary=x"})
    void anotherMediaTypeIs415(String contentType) {
        assertProblem(post("{\"code\":\"abc\"}".getBytes(StandardCharsets.UTF_8), contentType), 415, "unsupported_media_type");

        verifyNoInteractions(server.loggingIn);
    }

    @Test
    void aMissingContentTypeIs415() {
        HttpResponse<String> response = server.send(server.request(LOGIN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"abc\"}")));

        assertProblem(response, 415, "unsupported_media_type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "Application/JSON", "application/json; charset=utf-8",
            "application/json;charset=\"UTF-8\""})
    void jsonInUtf8IsAccepted(String contentType) {
        acceptLogins();

        assertThat(post("{\"code\":\"abc\"}".getBytes(StandardCharsets.UTF_8), contentType).statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyOfExactlyTheLimitIsAccepted() {
        acceptLogins();

        assertThat(server.postJson(LOGIN, paddedBody(LIMIT)).statusCode()).isEqualTo(200);
    }

    @Test
    void aContentLengthOverTheLimitIs413() {
        assertProblem(server.postJson(LOGIN, paddedBody(LIMIT + 1)), 413, "payload_too_large");

        verifyNoInteractions(server.loggingIn);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() {
        byte[] body = paddedBody(LIMIT + 1).getBytes(StandardCharsets.UTF_8);
        // A stream of unknown length goes out chunked, without a Content-Length to check up front.
        HttpResponse<String> response = server.send(server.request(LOGIN).header("Content-Type", TestServer.JSON)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertProblem(response, 413, "payload_too_large");
        verifyNoInteractions(server.loggingIn);
    }

    @Test
    void aChunkedBodyWithinTheLimitIsAccepted() {
        acceptLogins();
        byte[] body = "{\"code\":\"abc\"}".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = server.send(server.request(LOGIN).header("Content-Type", TestServer.JSON)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    private void acceptLogins() {
        when(server.loggingIn.logIn(any())).thenReturn(Fixtures.loginResult(SessionToken.generate(), false, Optional.empty()));
    }

    private HttpResponse<String> post(byte[] body, String contentType) {
        return server.send(server.request(LOGIN).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A valid login body of exactly {@code bytes} bytes, padded with an ignored member. */
    private static String paddedBody(int bytes) {
        String frame = "{\"code\":\"abc\",\"padding\":\"\"}";
        return frame.replace("\"\"}", "\"" + "x".repeat(bytes - frame.length()) + "\"}");
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
