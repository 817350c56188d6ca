package dev.wxlogin.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wxlogin.adapters.persistence.Database;
import dev.wxlogin.adapters.persistence.DatabaseSettings;
import dev.wxlogin.domain.Hashing;
import dev.wxlogin.domain.port.out.ForStoringUsers;
import dev.wxlogin.domain.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.wxlogin.bootstrap.TestServer.Json.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * security.md R3, W1, L8: after logins (new and returning users, a logout, a replaced session_key), the raw bytes
 * of every file the server left in its data directory hold no token, no login code, no phone number and no
 * session_key: not as
 * text, not as the 16 bytes it decodes to. The session table holds only SHA-256 hex of the tokens, and the user
 * table only a ciphertext of the session_key.
 */
class DatabaseAtRestTest {
    @TempDir
    Path data;

    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void neitherTokensNorSessionKeysNorCodesAreStoredInClear() throws Exception {
        server = TestServer.start(data);
        ForStoringUsers users = server.server().component(ForStoringUsers.class).orElseThrow();
        List<String> tokens = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        Map<String, String> sessionKeys = new LinkedHashMap<>(); // every key WeChat gave, old ones too -> user
        for (String user : List.of("alice", "bob", "carol", "alice", "dave", "bob", "alice")) {
            String code = server.code(user);
            codes.add(code);
            HttpResponse<String> login = server.login(code);
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            JsonNode body = read(login.body());
            tokens.add(body.get("token").asText());
            String userId = body.get("user").get("id").asText();
            sessionKeys.put(users.sessionKeyOf(new UserId(userId)).orElseThrow().value(), userId);
        }
        assertThat(sessionKeys).as("the sandbox rotates session_key at every exchange").hasSize(7);
        assertThat(server.get("/api/v1/me", tokens.get(0)).statusCode()).isEqualTo(200);
        assertThat(server.post("/api/v1/logout", tokens.get(1)).statusCode()).isEqualTo(204);
        String phoneCode = read(server.postJson("/sandbox/phone-code", "{\"user\":\"alice\"}").body()).get("code").asText();
        HttpResponse<String> phone = server.send(java.net.http.HttpRequest.newBuilder(server.uri("/api/v1/me/phone"))
                .header("Authorization", "Bearer " + tokens.get(6)).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"code\":\"" + phoneCode + "\"}")));
        assertThat(phone.statusCode()).as(phone.body()).isEqualTo(200);
        String phoneNumber = read(phone.body()).get("purePhoneNumber").asText();
        server.close();
        server = null;

        Map<Path, byte[]> files = filesUnder(data);
        assertThat(files.keySet()).anyMatch(file -> file.getFileName().toString().endsWith(".mv.db"));
        byte[] all = concatenated(files);
        // The search can see text stored in the file: the token hashes are there, as stored.
        assertThat(indexOf(all, ascii(Hashing.sha256Hex(tokens.getFirst())))).as("a token hash in the database file").isNotNegative();

        List<String> found = new ArrayList<>();
        for (Map.Entry<Path, byte[]> file : files.entrySet()) {
            byte[] bytes = file.getValue();
            for (String token : tokens) {
                if (indexOf(bytes, ascii(token)) >= 0) {
                    found.add("a token in " + file.getKey());
                }
            }
            for (String code : codes) {
                if (indexOf(bytes, ascii(code)) >= 0) {
                    found.add("a login code in " + file.getKey());
                }
            }
            if (indexOf(bytes, ascii(phoneCode)) >= 0) {
                found.add("a phone code in " + file.getKey());
            }
            if (indexOf(bytes, ascii(phoneNumber)) >= 0 || indexOf(bytes, ascii(phoneNumber.substring(3))) >= 0) {
                found.add("a phone number in " + file.getKey());
            }
            for (String key : sessionKeys.keySet()) {
                if (indexOf(bytes, ascii(key)) >= 0) {
                    found.add("a session_key (base64) in " + file.getKey());
                }
                if (indexOf(bytes, Base64.getDecoder().decode(key)) >= 0) {
                    found.add("a session_key (raw 16 bytes) in " + file.getKey());
                }
            }
        }
        assertThat(found).isEmpty();

        try (Database database = Database.open(new DatabaseSettings(Database.h2FileUrl(data), "", "", 2))) {
            List<String> hashes = database.jdbi().withHandle(handle ->
                    handle.createQuery("SELECT token_hash FROM user_session").mapTo(String.class).list());
            assertThat(hashes).allMatch(hash -> hash.matches("[0-9a-f]{64}"));
            assertThat(new HashSet<>(hashes)).containsExactlyInAnyOrderElementsOf(
                    tokens.stream().map(Hashing::sha256Hex).toList());

            List<String> ciphertexts = database.jdbi().withHandle(handle ->
                    handle.createQuery("SELECT session_key_ciphertext FROM app_user").mapTo(String.class).list());
            assertThat(ciphertexts).hasSize(4).doesNotContainNull();
            for (String ciphertext : ciphertexts) {
                byte[] sealed = Base64.getDecoder().decode(ciphertext);
                assertThat(sealed.length).as("IV, ciphertext and tag: more than the 16-byte key").isGreaterThan(16);
                for (String key : sessionKeys.keySet()) {
                    assertThat(ciphertext).doesNotContain(key);
                    assertThat(indexOf(sealed, Base64.getDecoder().decode(key))).isNegative();
                }
            }

            // No column of any table holds a token, a code or a session_key, in any form the database renders.
            Set<String> cells = new HashSet<>();
            for (String table : List.of("app_user", "user_session", "exchanged_code")) {
                database.jdbi().useHandle(handle -> handle.createQuery("SELECT * FROM " + table).mapToMap()
                        .forEach(row -> row.values().forEach(value -> cells.add(String.valueOf(value)))));
            }
            List<String> secrets = new ArrayList<>(tokens);
            secrets.addAll(codes);
            secrets.addAll(sessionKeys.keySet());
            secrets.add(phoneCode);
            secrets.add(phoneNumber);
            assertThat(cells).isNotEmpty().noneMatch(cell -> secrets.stream().anyMatch(cell::contains));
            List<String> codeHashes = database.jdbi().withHandle(handle ->
                    handle.createQuery("SELECT code_hash FROM exchanged_code").mapTo(String.class).list());
            assertThat(codeHashes).containsExactlyInAnyOrderElementsOf(codes.stream().map(Hashing::sha256Hex).toList());
        }
    }

    private static Map<Path, byte[]> filesUnder(Path dir) throws IOException {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static byte[] concatenated(Map<Path, byte[]> files) {
        int length = files.values().stream().mapToInt(bytes -> bytes.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] bytes : files.values()) {
            System.arraycopy(bytes, 0, all, at, bytes.length);
            at += bytes.length;
        }
        return all;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Naive search: the files are a few hundred KiB. */
    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
