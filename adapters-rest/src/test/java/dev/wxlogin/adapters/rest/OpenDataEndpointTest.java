package dev.wxlogin.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wxlogin.domain.error.AuthenticationFailed;
import dev.wxlogin.domain.error.OpenDataRejected;
import dev.wxlogin.domain.opendata.EncryptedOpenData;
import dev.wxlogin.domain.opendata.OpenData;
import dev.wxlogin.domain.session.SessionToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static dev.wxlogin.adapters.rest.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class OpenDataEndpointTest {
    private static final String PATH = "/api/v1/me/open-data";
    private static final String IV = Base64.getEncoder().encodeToString(new byte[16]);
    private static final String DATA = Base64.getEncoder().encodeToString(new byte[32]);

    private final TestServer server = TestServer.start();
    private final SessionToken token = SessionToken.generate();
    private final String[] authorized = {"Authorization", TestServer.bearer(token.reveal())};

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String body) {
        return server.postJson(PATH, body, authorized);
    }

    @Test
    void answersTheDecryptedObjectAsItIs() {
        when(server.openData.open(eq(token), any())).thenReturn(new OpenData(OpenData.Kind.WERUN,
                Map.of("stepInfoList", List.of(Map.of("timestamp", 1445866601, "step", 100)))));

        HttpResponse<String> response = post("{\"encryptedData\":\"" + DATA + "\",\"iv\":\"" + IV + "\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = TestServer.json(response);
        assertThat(body.fieldNames()).toIterable().containsExactly("stepInfoList");
        assertThat(body.get("stepInfoList").get(0).get("step").asInt()).isEqualTo(100);
    }

    @Test
    void passesRawDataAndSignatureOnExactly() {
        when(server.openData.open(eq(token), any())).thenReturn(new OpenData(OpenData.Kind.USER_INFO, Map.of()));
        String rawData = "{\\\"nickName\\\":\\\"Band\\\" }";

        post("{\"encryptedData\":\"" + DATA + "\",\"iv\":\"" + IV + "\",\"rawData\":\"" + rawData
                + "\",\"signature\":\"abc\"}");

        ArgumentCaptor<EncryptedOpenData> sent = ArgumentCaptor.forClass(EncryptedOpenData.class);
        verify(server.openData).open(eq(token), sent.capture());
        assertThat(sent.getValue().signed()).contains(new EncryptedOpenData.SignedRawData("{\"nickName\":\"Band\" }", "abc"));
    }

    @ParameterizedTest
    @CsvSource({
            "INVALID_OPEN_DATA, 400, invalid_open_data",
            "INVALID_SIGNATURE, 400, invalid_signature",
            "WATERMARK_MISMATCH, 400, watermark_mismatch",
            "OPEN_DATA_EXPIRED, 400, open_data_expired",
            "SESSION_KEY_STALE, 409, session_key_stale"})
    void eachRefusalHasItsOwnCode(OpenDataRejected.Reason reason, int status, String code) {
        when(server.openData.open(eq(token), any())).thenThrow(new OpenDataRejected(reason));

        assertProblem(post("{\"encryptedData\":\"" + DATA + "\",\"iv\":\"" + IV + "\"}"), status, code);
    }

    @Test
    void staleKeyTellsTheClientWhatToDo() {
        when(server.openData.open(eq(token), any())).thenThrow(new OpenDataRejected(OpenDataRejected.Reason.SESSION_KEY_STALE));

        JsonNode problem = assertProblem(post("{\"encryptedData\":\"" + DATA + "\",\"iv\":\"" + IV + "\"}"), 409,
                "session_key_stale");

        assertThat(problem.get("detail").asText()).contains("call wx.login() again, then fetch the data again");
    }

    @Test
    void malformedDataIsRefusedBeforeTheUseCase() {
        assertProblem(post("{\"encryptedData\":\"" + DATA + "\",\"iv\":\"AAAA\"}"), 400, "invalid_open_data");
        assertProblem(post("{\"encryptedData\":\"not base64!\",\"iv\":\"" + IV + "\"}"), 400, "invalid_open_data");
        assertProblem(post("{\"iv\":\"" + IV + "\"}"), 400, "bad_request");
        assertProblem(post("{\"encryptedData\":\"" + DATA + "\",\"iv\":\"" + IV + "\",\"rawData\":\"{}\"}"), 400, "bad_request");
        assertProblem(post("{\"encryptedData\":42,\"iv\":\"" + IV + "\"}"), 400, "bad_request");
        verifyNoInteractions(server.openData);
    }

    @Test
    void withoutAValidBearerTokenItIsUnauthenticated() {
        assertProblem(server.postJson(PATH, "{\"encryptedData\":\"" + DATA + "\",\"iv\":\"" + IV + "\"}"), 401,
                "unauthenticated");
        when(server.openData.open(eq(token), any())).thenThrow(AuthenticationFailed.unauthenticated());
        assertProblem(post("{\"encryptedData\":\"" + DATA + "\",\"iv\":\"" + IV + "\"}"), 401, "unauthenticated");
    }
}
