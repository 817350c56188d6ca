package dev.wxlogin.adapters.rest;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.InvalidInput;
import dev.wxlogin.domain.login.LoginCode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static dev.wxlogin.adapters.rest.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class SandboxEndpointTest {

    @Test
    void aSimulatedUserGetsACodeForTheDefaultAppId() {
        try (TestServer server = TestServer.start()) {
            when(server.sandbox.wxLogin(TestServer.APP_ID, "alice")).thenReturn(new LoginCode("sbx_code_1"));

            HttpResponse<String> response = server.postJson("/sandbox/code", "{\"user\":\"alice\"}");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"code\":\"sbx_code_1\"}");
        }
    }

    @Test
    void anotherAppIdCanBeAskedFor() {
        try (TestServer server = TestServer.start()) {
            when(server.sandbox.wxLogin(new AppId("wxother"), "bob")).thenReturn(new LoginCode("sbx_code_2"));

            HttpResponse<String> response = server.postJson("/sandbox/code", "{\"user\":\"bob\",\"appId\":\"wxother\"}");

            assertThat(response.body()).isEqualTo("{\"code\":\"sbx_code_2\"}");
        }
    }

    @Test
    void badInputIs400() {
        try (TestServer server = TestServer.start()) {
            assertProblem(server.postJson("/sandbox/code", "{}"), 400, "bad_request");
            assertProblem(server.postJson("/sandbox/code", "{\"user\":[\"alice\"]}"), 400, "bad_request");
            assertProblem(server.postJson("/sandbox/code", "{\"user\":\"alice\",\"appId\":\"not an app id\"}"), 400, "bad_request");
            verifyNoInteractions(server.sandbox);

            when(server.sandbox.wxLogin(any(), anyString())).thenThrow(new InvalidInput("user must be 1 to 64 characters"));
            assertProblem(server.postJson("/sandbox/code", "{\"user\":\"\"}"), 400, "bad_request");
        }
    }

    @Test
    void withoutASandboxThereIsNoSuchRoute() {
        try (TestServer server = TestServer.withoutSandbox()) {
            assertProblem(server.postJson("/sandbox/code", "{\"user\":\"alice\"}"), 404, "not_found");
        }
    }
}
