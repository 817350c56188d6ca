package dev.wxlogin.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks that a response is an uncacheable RFC 9457 problem with the expected status and code. */
final class ProblemAssertions {
    private ProblemAssertions() {}

    /** @param extensionMembers the members expected after the standard ones, in order */
    static JsonNode assertProblem(HttpResponse<String> response, int status, String code,
                                  String... extensionMembers) {
        assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        JsonNode problem = TestServer.json(response);
        assertThat(problem.fieldNames()).toIterable().containsExactly(Stream.concat(
                Stream.of("type", "title", "status", "detail", "code"), Stream.of(extensionMembers)).toArray(String[]::new));
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(List.of("about:blank", "https://wxlogin.dev/problems/" + code)).contains(problem.get("type").asText());
        return problem;
    }
}
