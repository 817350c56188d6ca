package dev.wxlogin.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static dev.wxlogin.adapters.rest.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HealthEndpointsTest {
    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void healthSaysUp() {
        HttpResponse<String> response = server.get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void readySaysReadyWithTheChecksSortedByName() {
        server.readiness.set(new Readiness(true, Map.of("wechat", "CLOSED", "database", "UP")));

        HttpResponse<String> response = server.get("/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"READY\",\"checks\":{\"database\":\"UP\",\"wechat\":\"CLOSED\"}}");
    }

    /** An open breaker is reported, but whether that makes the instance unready is the caller's verdict. */
    @Test
    void readyReportsAStateThatDoesNotMakeItUnready() {
        server.readiness.set(new Readiness(true, Map.of("database", "UP", "wechat", "OPEN")));

        HttpResponse<String> response = server.get("/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(response).get("checks").get("wechat").asText()).isEqualTo("OPEN");
    }

    @Test
    void readyIs503NotReadyWithTheChecksWhenNotReady() {
        server.readiness.set(new Readiness(false, Map.of("database", "DOWN", "wechat", "CLOSED")));

        JsonNode problem = assertProblem(server.get("/ready"), 503, "not_ready", "checks");

        assertThat(problem.get("checks").toString()).isEqualTo("{\"database\":\"DOWN\",\"wechat\":\"CLOSED\"}");
    }

    @Test
    void healthStaysUpWhenNotReady() {
        server.readiness.set(new Readiness(false, Map.of("database", "DOWN")));

        assertThat(server.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void readinessChecksAreACopyThatCannotChange() {
        Readiness readiness = new Readiness(true, new HashMap<>(Map.of("database", "UP")));

        assertThatThrownBy(() -> readiness.checks().put("wechat", "OPEN")).isInstanceOf(UnsupportedOperationException.class);
    }
}
