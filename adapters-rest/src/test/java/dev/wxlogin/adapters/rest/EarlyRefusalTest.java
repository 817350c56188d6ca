package dev.wxlogin.adapters.rest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import static dev.wxlogin.adapters.rest.ProblemAssertions.assertProblem;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * A request refused before its body is read (no bearer token, a body that is not JSON, no such route) still gets its
 * answer while the client is sending the body: JDK's HTTP client, like many, sends the whole body before it reads.
 * Closing the connection with the body unread would have the kernel reset it, and the reset can overtake the answer
 * ("header parser received no bytes").
 */
class EarlyRefusalTest {
    private final TestServer server = TestServer.start();
    private final byte[] body = json(RestSettings.DEFAULT_MAX_BODY_BYTES - 100);

    @AfterEach
    void stop() {
        server.close();
    }

    private static byte[] json(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) ' ');
        bytes[0] = '{';
        bytes[length - 1] = '}';
        return bytes;
    }

    private HttpResponse<String> post(String path, String contentType) {
        return server.send(server.request(path).header("Content-Type", contentType).POST(SlowBodies.slowly(body, 256))); // as a phone on a slow network sends it
    }

    @Test
    void aBodyThatIsNotJsonGetsItsAnswer() {
        for (int i = 0; i < 5; i++) {
            assertProblem(post("/api/v1/login", "text/plain"), 415, "unsupported_media_type");
        }
        verifyNoInteractions(server.loggingIn);
    }

    @Test
    void aRequestWithoutABearerTokenGetsItsAnswer() {
        for (int i = 0; i < 5; i++) {
            assertProblem(post("/api/v1/me/phone", TestServer.JSON), 401, "unauthenticated");
        }
        verifyNoInteractions(server.phones);
    }

    @Test
    void aRouteThatDoesNotExistGetsItsAnswer() {
        for (int i = 0; i < 5; i++) {
            assertProblem(post("/api/v1/nothing-here", TestServer.JSON), 404, "not_found");
        }
    }
}
