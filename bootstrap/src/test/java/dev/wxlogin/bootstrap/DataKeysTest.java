package dev.wxlogin.bootstrap;

import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.port.out.ForStoringUsers;
import dev.wxlogin.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.wxlogin.bootstrap.TestServer.Json.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The key that encrypts session_keys at rest: made once in sandbox mode, given in WeChat mode, never guessed. */
class DataKeysTest {
    @TempDir
    Path data;

    @Test
    void sandboxModeMakesAnOwnerOnlyKeyOnceAndReusesItAfterARestart() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path keyFile = data.resolve(DataKeys.KEY_FILE);
        String token;
        UserId user;
        Optional<SessionKey> sessionKey;
        try (TestServer server = TestServer.start(data)) {
            HttpResponse<String> login = server.login(server.wxLogin("alice"));
            token = read(login.body()).get("token").asText();
            user = new UserId(read(login.body()).get("user").get("id").asText());
            sessionKey = sessionKeyOf(server, user);
        }
        assertThat(sessionKey).isPresent();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        String key = Files.readString(keyFile, StandardCharsets.US_ASCII).trim();
        assertThat(Base64.getDecoder().decode(key)).hasSize(32);

        try (TestServer restarted = TestServer.start(data)) {
            assertThat(Files.readString(keyFile, StandardCharsets.US_ASCII).trim()).isEqualTo(key);
            assertThat(restarted.get("/api/v1/me", token).statusCode()).isEqualTo(200);
            assertThat(sessionKeyOf(restarted, user)).as("still opens under the reused key").isEqualTo(sessionKey);
        }
    }

    @Test
    void aConfiguredKeyIsUsedInsteadAndCanBeRetiredInFavourOfANewOne() {
        String first = newKey();
        String second = newKey();
        UserId user;
        try (TestServer server = TestServer.start(data, Map.of("WXLOGIN_DATA_KEY", first))) {
            user = new UserId(read(server.login(server.wxLogin("alice")).body()).get("user").get("id").asText());
            assertThat(sessionKeyOf(server, user)).isPresent();
        }
        assertThat(data.resolve(DataKeys.KEY_FILE)).doesNotExist();

        try (TestServer server = TestServer.start(data, Map.of("WXLOGIN_DATA_KEY", second))) {
            assertThat(sessionKeyOf(server, user)).as("sealed under the first key, which is not configured").isEmpty();
        }
        try (TestServer server = TestServer.start(data, Map.of(
                "WXLOGIN_DATA_KEY", second, "WXLOGIN_DATA_KEYS_RETIRED", first))) {
            assertThat(sessionKeyOf(server, user)).as("the retired key still opens it").isPresent();
        }
    }

    @Test
    void aMalformedKeyIsRefusedWithoutEchoingIt() {
        String tooShort = Base64.getEncoder().encodeToString(new byte[16]);
        for (Map.Entry<String, String> setting : Map.of(
                "WXLOGIN_DATA_KEY", "not base64 at all!",
                "WXLOGIN_DATA_KEYS_RETIRED", tooShort).entrySet()) {
            assertThatThrownBy(() -> TestServer.start(data, Map.of(setting.getKey(), setting.getValue())).close())
                    .isInstanceOf(InvalidConfiguration.class)
                    .hasMessageContainingAll(setting.getKey(), "32 bytes", "openssl rand -base64 32")
                    .message().doesNotContain(setting.getValue());
        }
    }

    @Test
    void wechatModeWithoutAKeyRefusesToStartAndLeavesNoPortOpen() throws IOException {
        int port = freePort();
        Map<String, String> settings = new HashMap<>(Map.of(
                "WXLOGIN_APP_ID", "wx1234567890abcdef",
                "WXLOGIN_APP_SECRET", "s3cret",
                "WXLOGIN_PORT", Integer.toString(port)));

        assertThatThrownBy(() -> TestServer.start(data, settings).close())
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageContainingAll("WXLOGIN_DATA_KEY", "openssl rand -base64 32")
                .message().doesNotContain("s3cret");
        assertThat(data.resolve(DataKeys.KEY_FILE)).as("no key made up next to the data").doesNotExist();
        assertBindable(port);
    }

    /** The API's port is taken, so start-up fails last, after the database, the sandbox and the job are up. */
    @Test
    void aServerThatFailsToStartClosesWhatItHadOpened() throws IOException {
        int sandboxPort = freePort();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Throwable failure = catchThrowable(() -> TestServer.start(data, Map.of(
                    "WXLOGIN_PORT", Integer.toString(taken.getLocalPort()),
                    "WXLOGIN_SANDBOX_PORT", Integer.toString(sandboxPort))).close());
            assertThat(failure).as("the failure names the port in use")
                    .hasMessageContaining(Integer.toString(taken.getLocalPort()));
        }

        assertBindable(sandboxPort);
    }

    // --- issue 7.9: files ---------------------------------------------------------------------------------

    /**
     * H2 makes its files with the umask (rw-r--r-- here), so the directory is what keeps them private: made
     * rwx------, whether the sandbox writes a key into it first or H2 is the first to need it.
     */
    @Test
    void aNewDataDirectoryIsOwnerOnlySoTheDatabaseFilesAreToo() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        for (Map<String, String> settings : List.of(Map.<String, String>of(), Map.of("WXLOGIN_DATA_KEY", newKey()))) {
            Path fresh = data.resolve("fresh-" + settings.size()).resolve("data");
            try (TestServer server = TestServer.start(fresh, settings)) {
                server.login(server.wxLogin("alice"));
            }
            assertThat(permissions(fresh)).as("data dir, %s", settings.keySet()).isEqualTo("rwx------");
            assertThat(fresh.resolve("wxlogin.mv.db")).as("the database is inside it").exists();
        }
    }

    @Test
    void anExistingDataDirectoryOpenToOthersIsMadeOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path old = Files.createDirectory(data.resolve("old"));
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rwxr-xr-x"));

        TestServer.start(old).close();

        assertThat(permissions(old)).isEqualTo("rwx------");
    }

    @Test
    void anExistingKeyFileThatOthersCanReadIsRefusedWithTheFix() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        String key = newKey();
        Path keyFile = Files.writeString(data.resolve(DataKeys.KEY_FILE), key + "\n", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
        int port = freePort();

        assertThatThrownBy(() -> TestServer.start(data, Map.of("WXLOGIN_PORT", Integer.toString(port))).close())
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageContainingAll(keyFile.toString(), "rw-r--r--", "chmod 600 " + keyFile)
                .message().doesNotContain(key);
        assertBindable(port);
    }

    @Test
    void aDataDirectoryNothingUsesIsNotMade() {
        Path unused = data.resolve("unused");

        TestServer.start(unused, Map.of("WXLOGIN_DB_URL", "jdbc:h2:mem:unused-data-dir", "WXLOGIN_DATA_KEY", newKey())).close();

        assertThat(unused).doesNotExist();
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static Optional<SessionKey> sessionKeyOf(TestServer server, UserId user) {
        return server.component(ForStoringUsers.class).sessionKeyOf(user);
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void assertBindable(int port) throws IOException {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }
}
