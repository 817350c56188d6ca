package dev.wxlogin.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wxlogin.adapters.images.AvatarFixtures;
import dev.wxlogin.domain.port.in.ForManagingProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static dev.wxlogin.bootstrap.TestServer.Json.problemCode;
import static dev.wxlogin.bootstrap.TestServer.Json.read;
import static org.assertj.core.api.Assertions.assertThat;

/** The nickname and avatar fill-in through the real server, its image adapter and its database. */
class ProfileEndToEndTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> putAvatar(String token, byte[] image) {
        return server.send(HttpRequest.newBuilder(server.uri("/api/v1/me/avatar")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "image/jpeg").PUT(HttpRequest.BodyPublishers.ofByteArray(image)));
    }

    private static HttpResponse<byte[]> fetch(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aNicknameIsStoredNormalisedAndShownByMe() {
        String token = server.tokenFor("pf-alice");

        HttpResponse<String> changed = server.send(HttpRequest.newBuilder(server.uri("/api/v1/me/profile"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"nickname\":\"  微信 \\n 用户 🐼 \"}")));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(read(server.get("/api/v1/me", token).body()).get("nickname").asText()).isEqualTo("微信 用户 🐼");
    }

    @Test
    void anUploadedJpegLosesItsGpsAndIsServedAtTheUrlMeShowsWithoutAToken() throws Exception {
        String token = server.tokenFor("pf-bob");

        HttpResponse<String> uploaded = putAvatar(token, AvatarFixtures.jpegWithGps());

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        String url = read(server.get("/api/v1/me", token).body()).get("avatarUrl").asText();
        assertThat(url).isEqualTo(read(uploaded.body()).get("avatarUrl").asText()).startsWith("/api/v1/avatars/");
        HttpResponse<byte[]> image = fetch(url);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(AvatarFixtures.contains(image.body(), AvatarFixtures.SECRET_PLACE.getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(AvatarFixtures.contains(image.body(), "Exif".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @Test
    void aNewAvatarReplacesTheOldOneWhoseUrlThenAnswers404() throws Exception {
        String token = server.tokenFor("pf-carol");
        String first = read(putAvatar(token, AvatarFixtures.png(40, 40)).body()).get("avatarUrl").asText();

        JsonNode second = read(putAvatar(token, AvatarFixtures.WEBP_LOSSLESS).body());

        assertThat(fetch(first).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> webp = fetch(second.get("avatarUrl").asText());
        assertThat(webp.headers().firstValue("Content-Type")).hasValue("image/png");
    }

    @Test
    void hostileUploadsAreRefusedAndChangeNothing() throws Exception {
        String token = server.tokenFor("pf-dave");
        String kept = read(putAvatar(token, AvatarFixtures.png(16, 16)).body()).get("avatarUrl").asText();

        assertThat(problemCode(putAvatar(token, AvatarFixtures.gif()))).isEqualTo("unsupported_image");
        assertThat(problemCode(putAvatar(token, "<html>hello</html>".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("unsupported_image");
        assertThat(problemCode(putAvatar(token, AvatarFixtures.truncated(AvatarFixtures.jpeg(300, 300))))).isEqualTo("invalid_image");
        assertThat(problemCode(putAvatar(token, AvatarFixtures.pngHeaderThenHtml()))).isEqualTo("invalid_image");
        assertThat(problemCode(putAvatar(token, AvatarFixtures.pngDeclaring(100_000)))).isEqualTo("image_too_large");
        HttpResponse<String> tooBig = putAvatar(token, new byte[ForManagingProfiles.MAX_AVATAR_BYTES + 1]);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(problemCode(tooBig)).isEqualTo("image_too_large");

        assertThat(read(server.get("/api/v1/me", token).body()).get("avatarUrl").asText()).isEqualTo(kept);
        assertThat(fetch(kept).statusCode()).isEqualTo(200);
    }

    @Test
    void aPolyglotIsStoredAsItsImageAlone() throws Exception {
        String token = server.tokenFor("pf-erin");

        String url = read(putAvatar(token, AvatarFixtures.polyglotPngZip()).body()).get("avatarUrl").asText();

        byte[] served = fetch(url).body();
        assertThat(AvatarFixtures.contains(served, "<script>".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(AvatarFixtures.contains(served, "PK".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }
}
