package dev.wxlogin.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wxlogin.domain.error.InvalidInput;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static dev.wxlogin.adapters.rest.ProblemAssertions.assertProblem;
import static dev.wxlogin.adapters.rest.TestServer.SANDBOX_CODE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** A route bootstrap adds (here at the sandbox's path) is served like the API's own, without knowing what it serves. */
class ExtraRouteTest {

    @Test
    void theHandlerReadsTheBodysMembersAndItsAnswerIsTheJsonResponse() {
        try (TestServer server = TestServer.start()) {
            when(server.sandbox.handle(any())).thenAnswer(call -> {
                ExtraRoute.Body body = call.getArgument(0);
                return Map.of("code", body.requiredString("user") + "@" + body.optionalString("appId").orElse("default"));
            });

            HttpResponse<String> plain = server.postJson(SANDBOX_CODE, "{\"user\":\"alice\",\"openid\":\"ignored\"}");
            HttpResponse<String> withApp = server.postJson(SANDBOX_CODE, "{\"user\":\"bob\",\"appId\":\"wxother\"}");

            assertThat(plain.statusCode()).isEqualTo(200);
            assertThat(plain.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(plain.body()).isEqualTo("{\"code\":\"alice@default\"}");
            assertThat(withApp.body()).isEqualTo("{\"code\":\"bob@wxother\"}");
        }
    }

    @Test
    void aMemberThatIsNotAStringIs400() {
        try (TestServer server = TestServer.start()) {
            when(server.sandbox.handle(any())).thenAnswer(call -> {
                ExtraRoute.Body body = call.getArgument(0);
                return Map.of("code", body.requiredString("user") + body.optionalString("appId").orElse(""));
            });

            for (String body : new String[]{"{}", "{\"user\":null}", "{\"user\":[\"alice\"]}", "{\"user\":\"a\",\"appId\":1}"}) {
                JsonNode problem = assertProblem(server.postJson(SANDBOX_CODE, body), 400, "bad_request");
                assertThat(problem.get("detail").asText()).as(body).endsWith("must be a string");
            }
        }
    }

    @Test
    void theHandlersRefusalIs400WithItsMessageAsTheDetail() {
        try (TestServer server = TestServer.start()) {
            when(server.sandbox.handle(any())).thenThrow(new InvalidInput("A simulated user name must be 1 to 64 letters"));

            JsonNode problem = assertProblem(server.postJson(SANDBOX_CODE, "{\"user\":\"\"}"), 400, "bad_request");

            assertThat(problem.get("detail").asText()).isEqualTo("A simulated user name must be 1 to 64 letters");
        }
    }

    @Test
    void aBodyThatIsNoJsonObjectNeverReachesTheHandler() {
        try (TestServer server = TestServer.start()) {
            assertProblem(server.postJson(SANDBOX_CODE, "not JSON"), 400, "bad_request");
            assertProblem(server.postJson(SANDBOX_CODE, "[{\"user\":\"alice\"}]"), 400, "bad_request");
            assertProblem(server.send(server.request(SANDBOX_CODE).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"alice\"}"))), 415, "unsupported_media_type");
            assertProblem(server.postJson(SANDBOX_CODE, "{\"user\":\"" + "u".repeat(20_000) + "\"}"), 413, "payload_too_large");

            verifyNoInteractions(server.sandbox);
        }
    }

    @Test
    void anExtraRouteIsPostOnly() {
        try (TestServer server = TestServer.start()) {
            HttpResponse<String> response = server.get(SANDBOX_CODE);

            assertProblem(response, 405, "method_not_allowed");
            assertThat(response.headers().firstValue("Allow")).hasValue("POST");
            verifyNoInteractions(server.sandbox);
        }
    }

    @Test
    void withoutExtraRoutesThereIsNoSuchRoute() {
        try (TestServer server = TestServer.withoutSandbox()) {
            assertProblem(server.postJson(SANDBOX_CODE, "{\"user\":\"alice\"}"), 404, "not_found");
        }
    }

    @Test
    void aPathMustStartWithASlash() {
        assertThatThrownBy(() -> new ExtraRoute("sandbox/code", body -> Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
