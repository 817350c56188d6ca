package dev.wxlogin.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wxlogin.domain.error.AvatarRejected;
import dev.wxlogin.domain.port.in.ForManagingProfiles;
import dev.wxlogin.domain.profile.AvatarId;
import dev.wxlogin.domain.profile.Image;
import dev.wxlogin.domain.profile.ImageFormat;
import dev.wxlogin.domain.profile.Nickname;
import dev.wxlogin.domain.profile.Profile;
import dev.wxlogin.domain.session.SessionToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static dev.wxlogin.adapters.rest.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class ProfileEndpointsTest {
    private static final AvatarId AVATAR = AvatarId.random();
    private static final Profile FILLED_IN = new Profile(Optional.of(new Nickname("Band")), Optional.of(AVATAR));
    private static final String BOUNDARY = "----wxuploadBoundary7MA4YWxkTrZu0gW";

    private final TestServer server = TestServer.start();
    private final SessionToken token = SessionToken.generate();
    private final String bearer = TestServer.bearer(token.reveal());

    @BeforeEach
    void aliceIsSignedIn() {
        when(server.authenticating.authenticate(token)).thenReturn(Fixtures.authentication("s_current"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> putAvatar(String contentType, byte[] body) {
        return putAvatar(contentType, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private HttpResponse<String> putAvatar(String contentType, HttpRequest.BodyPublisher body) {
        return server.send(server.request("/api/v1/me/avatar").header("Authorization", bearer)
                .header("Content-Type", contentType).PUT(body));
    }

    /** What {@code wx.uploadFile({name: "avatar", formData: {...}})} sends: a form field, then the file. */
    private static byte[] multipart(String field, byte[] file) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\navatar\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"tmp_avatar.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private byte[] uploaded() {
        ArgumentCaptor<byte[]> bytes = ArgumentCaptor.forClass(byte[].class);
        verify(server.profiles).changeAvatar(eq(token), bytes.capture());
        return bytes.getValue();
    }

    @Test
    void meShowsTheNicknameAndTheAvatarUrl() {
        when(server.profiles.me(token)).thenReturn(new ForManagingProfiles.Me(Fixtures.authentication("s_current"), FILLED_IN, Optional.empty()));

        JsonNode me = TestServer.json(server.get("/api/v1/me", "Authorization", bearer));

        assertThat(me.get("nickname").asText()).isEqualTo("Band");
        assertThat(me.get("avatarUrl").asText()).isEqualTo("/api/v1/avatars/" + AVATAR.value());
    }

    @Test
    void theNicknameIsNormalisedBeforeTheUseCaseSeesIt() {
        when(server.profiles.changeNickname(eq(token), any())).thenReturn(FILLED_IN);

        HttpResponse<String> response = server.send(server.request("/api/v1/me/profile").header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"nickname\":\"  Band \\t of  Two \"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        verify(server.profiles).changeNickname(token, new Nickname("Band of Two"));
        assertThat(TestServer.json(response).fieldNames()).toIterable().containsExactly("nickname", "avatarUrl");
    }

    @Test
    void aNicknameWithControlCharactersOrTooLongIsABadRequest() {
        for (String nickname : new String[] {"Band\\u0007", "a\\u202Eb", "x".repeat(33), "   ", ""}) {
            HttpResponse<String> response = server.send(server.request("/api/v1/me/profile").header("Authorization", bearer)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"nickname\":\"" + nickname + "\"}")));
            assertProblem(response, 400, "bad_request");
        }
        verifyNoInteractions(server.profiles);
    }

    @Test
    void aRawImageBodyReachesTheUseCaseByteForByteWhateverItsDeclaredType() {
        when(server.profiles.changeAvatar(eq(token), any())).thenReturn(FILLED_IN);
        byte[] image = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

        HttpResponse<String> response = putAvatar("image/jpeg", image);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(response).get("avatarUrl").asText()).isEqualTo("/api/v1/avatars/" + AVATAR.value());
        assertThat(uploaded()).isEqualTo(image);
    }

    @Test
    void theMultipartFieldAvatarIsTheFile() {
        when(server.profiles.changeAvatar(eq(token), any())).thenReturn(FILLED_IN);
        byte[] image = "\r\n--not-the-boundary\r\n binary \0 bytes".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(putAvatar("multipart/form-data; boundary=" + BOUNDARY, multipart("avatar", image)).statusCode()).isEqualTo(200);
        assertThat(uploaded()).isEqualTo(image);
    }

    @Test
    void aMultipartBodyWithoutTheFieldOrBoundaryIsABadRequest() {
        assertProblem(putAvatar("multipart/form-data; boundary=" + BOUNDARY, multipart("file", new byte[] {1})), 400, "bad_request");
        assertProblem(putAvatar("multipart/form-data", multipart("avatar", new byte[] {1})), 400, "bad_request");
        assertProblem(putAvatar("image/png", new byte[0]), 400, "bad_request");
        verifyNoInteractions(server.profiles);
    }

    @Test
    void oneMebibyteIsTakenAndOneByteMoreIs413() {
        when(server.profiles.changeAvatar(eq(token), any())).thenReturn(FILLED_IN);

        assertThat(putAvatar("image/png", new byte[ForManagingProfiles.MAX_AVATAR_BYTES]).statusCode()).isEqualTo(200);
        assertProblem(putAvatar("image/png", new byte[ForManagingProfiles.MAX_AVATAR_BYTES + 1]), 413, "image_too_large");
        assertProblem(putAvatar("multipart/form-data; boundary=" + BOUNDARY,
                multipart("avatar", new byte[ForManagingProfiles.MAX_AVATAR_BYTES + 1])), 413, "image_too_large");
        verify(server.profiles).changeAvatar(eq(token), any());
    }

    /**
     * A phone on a slow network is still sending when the server has seen enough to refuse the upload: a 413 sent
     * with the rest of the body unread is lost when the kernel resets the connection under it, and the client sees
     * a broken connection instead ("header parser received no bytes"). Up to twice the limit, the rest is read.
     */
    @Test
    void aSlowUploadOverTheLimitGetsItsAnswer() {
        byte[] twice = new byte[2 * ForManagingProfiles.MAX_AVATAR_BYTES];

        assertProblem(putAvatar("image/png", HttpRequest.BodyPublishers.fromPublisher(SlowBodies.slowly(twice, 64 * 1024), twice.length)),
                413, "image_too_large");
        assertProblem(putAvatar("image/png", SlowBodies.slowly(twice, 64 * 1024)), 413, "image_too_large");
        verifyNoInteractions(server.profiles);
    }

    @Test
    void aStreamedBodyOverTheLimitIs413Too() {
        HttpResponse<String> response = server.send(server.request("/api/v1/me/avatar").header("Authorization", bearer)
                .header("Content-Type", "image/png").PUT(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(new byte[ForManagingProfiles.MAX_AVATAR_BYTES + 1]))));

        assertProblem(response, 413, "image_too_large");
        verifyNoInteractions(server.profiles);
    }

    @ParameterizedTest
    @CsvSource({"UNSUPPORTED_FORMAT, 415, unsupported_image", "INVALID_IMAGE, 400, invalid_image",
            "TOO_LARGE, 413, image_too_large"})
    void eachRefusedUploadHasItsCode(AvatarRejected.Reason reason, int status, String code) {
        when(server.profiles.changeAvatar(eq(token), any())).thenThrow(new AvatarRejected(reason));

        assertProblem(putAvatar("image/png", new byte[] {1, 2, 3}), status, code);
    }

    @Test
    void anUploadWithoutAValidTokenIsUnauthenticated() {
        HttpResponse<String> response = server.send(server.request("/api/v1/me/avatar").header("Content-Type", "image/png")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1})));

        assertProblem(response, 401, "unauthenticated");
    }

    @Test
    void anAvatarIsServedWithoutATokenWithItsTypeAndCachedForGood() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 9, 9};
        when(server.profiles.avatar(AVATAR)).thenReturn(Optional.of(new Image(ImageFormat.PNG, png)));

        HttpResponse<byte[]> response = bytes(server.request("/api/v1/avatars/" + AVATAR.value()).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(png);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(response.headers().firstValue("ETag")).hasValue("\"" + AVATAR.value() + "\"");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; sandbox");
    }

    /** Javalin copies a body through a buffer of RESPONSE_COPY_BYTES: an avatar takes several copies, and all arrive. */
    @Test
    void anAvatarLargerThanTheCopyBufferArrivesWhole() {
        byte[] png = new byte[3 * HttpServerSetup.RESPONSE_COPY_BYTES + 1];
        new java.util.Random(11).nextBytes(png);
        when(server.profiles.avatar(AVATAR)).thenReturn(Optional.of(new Image(ImageFormat.PNG, png)));

        HttpResponse<byte[]> response = bytes(server.request("/api/v1/avatars/" + AVATAR.value()).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(png);
    }

    @Test
    void aRevalidationWithTheEtagIs304() {
        when(server.profiles.avatar(AVATAR)).thenReturn(Optional.of(new Image(ImageFormat.JPEG, new byte[] {1})));

        for (String ifNoneMatch : new String[] {"\"" + AVATAR.value() + "\"", "W/\"" + AVATAR.value() + "\"", "\"x\", \"" + AVATAR.value() + "\"", "*"}) {
            HttpResponse<byte[]> response = bytes(server.request("/api/v1/avatars/" + AVATAR.value())
                    .header("If-None-Match", ifNoneMatch).GET());
            assertThat(response.statusCode()).as(ifNoneMatch).isEqualTo(304);
            assertThat(response.body()).isEmpty();
        }
        assertThat(bytes(server.request("/api/v1/avatars/" + AVATAR.value()).header("If-None-Match", "\"other\"").GET())
                .statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownOrMalformedAvatarIdIsNotFound() {
        when(server.profiles.avatar(any())).thenReturn(Optional.empty());

        assertProblem(server.get("/api/v1/avatars/" + AvatarId.random().value()), 404, "not_found");
        assertProblem(server.get("/api/v1/avatars/not..an..id"), 404, "not_found");
    }

    private HttpResponse<byte[]> bytes(HttpRequest.Builder request) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
