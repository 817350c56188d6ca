package dev.wxlogin.adapters.rest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static dev.wxlogin.adapters.rest.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

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
    void readySaysReadyWhenTheCheckPasses() {
        HttpResponse<String> response = server.get("/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"READY\"}");
    }

    @Test
    void readyIs503NotReadyWhenTheCheckFails() {
        server.ready.set(false);

        assertProblem(server.get("/ready"), 503, "not_ready");
    }

    @Test
    void healthStaysUpWhenNotReady() {
        server.ready.set(false);

        assertThat(server.get("/health").statusCode()).isEqualTo(200);
    }
}
