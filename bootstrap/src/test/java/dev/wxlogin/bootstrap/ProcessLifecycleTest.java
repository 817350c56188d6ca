package dev.wxlogin.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wxlogin.adapters.wechat.sandbox.SandboxSettings;
import dev.wxlogin.adapters.wechat.sandbox.WeChatSandbox;
import dev.wxlogin.domain.app.AppId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.wxlogin.bootstrap.TestServer.Json.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * wxlogin as its own process ({@code java -cp <test class path> dev.wxlogin.bootstrap.WxLogin}), as an operator
 * runs it: a session acknowledged to a client survives {@code kill -9} (issue 3); on SIGTERM the requests in
 * flight finish with their 200 and nothing acknowledged is lost (issue 4); a configuration that cannot work stops
 * the start with one line on stderr that says what to do and echoes no secret. No assertion is about time; every
 * wait is bounded.
 */
class ProcessLifecycleTest {
    private static final Pattern LISTENING = Pattern.compile("wxlogin listening on http://127\\.0\\.0\\.1:(\\d+) ");
    private static final Duration START_BOUND = Duration.ofSeconds(60);
    private static final Duration EXIT_BOUND = Duration.ofSeconds(30);
    private static final String APP_ID = "wxsandbox00000001";

    @TempDir
    Path temp;

    private final List<Child> children = new ArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void killEverything() throws Exception {
        for (Child child : children) {
            child.kill();
        }
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        http.close();
    }

    @Test
    void sessionsAcknowledgedToClientsSurviveKillMinus9() throws Exception {
        Path data = temp.resolve("data");
        Map<String, String> env = Map.of("WXLOGIN_DATA_DIR", data.toString());
        Child first = start(env);
        URI base = first.awaitListening();

        Map<String, String> userIdByToken = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            JsonNode login = loginThroughSandbox(base, "durable" + i);
            userIdByToken.put(login.get("token").asText(), login.get("user").get("id").asText());
        }

        first.process.destroyForcibly(); // SIGKILL: no shutdown hook, no pool close, no H2 close
        assertThat(first.process.waitFor(EXIT_BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(first.process.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        Child second = start(env);
        URI restarted = second.awaitListening();
        userIdByToken.forEach((token, userId) -> {
            HttpResponse<String> me = get(restarted, "/api/v1/me", token);
            assertThat(me.statusCode()).as("token acknowledged before kill -9: %s", me.body()).isEqualTo(200);
            assertThat(read(me.body()).get("id").asText()).isEqualTo(userId);
        });
        assertThat(second.output()).doesNotContain(userIdByToken.keySet());
    }

    /**
     * WeChat here is a sandbox in this JVM, answering after 1.5 s, so the test knows when every login is inside
     * the server: when WeChat has seen them all. SIGTERM then arrives while each one waits on WeChat.
     */
    @Test
    void onSigtermLoginsInFlightFinishWith200AndTheirSessionsSurvive() throws Exception {
        WeChatSandbox wechat = new WeChatSandbox(SandboxSettings.builder().build()).start();
        toClose.add(wechat);
        wechat.faults().latency(Duration.ofMillis(1500));
        String dataKey = Base64.getEncoder().encodeToString(randomBytes(32));
        Path data = temp.resolve("data");
        Map<String, String> env = Map.of(
                "WXLOGIN_DATA_DIR", data.toString(),
                "WXLOGIN_APP_ID", APP_ID,
                "WXLOGIN_APP_SECRET", SandboxSettings.DEFAULT_APP.secret().value(),
                "WXLOGIN_SANDBOX", "false",
                "WXLOGIN_WECHAT_URL", wechat.baseUrl().toString(),
                "WXLOGIN_DATA_KEY", dataKey);
        Child first = start(env);
        URI base = first.awaitListening();
        Socket keptAlive = new Socket(InetAddress.getLoopbackAddress(), base.getPort());
        toClose.add(keptAlive);
        keptAlive.setSoTimeout(10_000);
        assertThat(exchangeOn(keptAlive, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")).startsWith("HTTP/1.1 200 ");

        int inFlight = 6;
        List<String> codes = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> logins = new ArrayList<>();
        for (int i = 0; i < inFlight; i++) {
            String code = wechat.wxLogin(new AppId(APP_ID), "graceful" + i).value();
            codes.add(code);
            logins.add(http.sendAsync(HttpRequest.newBuilder(base.resolve("/api/v1/login"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        awaitUntil(() -> wechat.exchangeCalls() >= inFlight, Duration.ofSeconds(20),
                "all logins to reach WeChat (seen: " + wechat.exchangeCalls() + ")");
        long exchangesAtSigterm = wechat.exchangeCalls();

        first.process.destroy(); // SIGTERM: the shutdown hook stops the server gracefully

        // Once the listener is closed, a request on a connection opened before gets a clean 503 "unavailable"
        // (or finds the connection closed), while the logins in flight are still finishing. Jetty closes the
        // listener a moment before its handlers begin to refuse: a request in that moment is answered, and its
        // connection closed after the answer.
        awaitUntil(() -> !accepts(base), Duration.ofSeconds(10), "the listener to close after SIGTERM");
        String late = exchangeOn(keptAlive, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        System.out.println("ProcessLifecycleTest: a request after the listener closed got: " + late.replace("\r\n", " | "));
        if (late.startsWith("HTTP/1.1 200 ")) {
            assertThat(late).containsIgnoringCase("Connection: close").endsWith("{\"status\":\"UP\"}");
        } else if (!late.isEmpty()) {
            assertThat(late).startsWith("HTTP/1.1 503 ").containsIgnoringCase("Content-Type: application/problem+json")
                    .contains("\"code\":\"unavailable\"");
        }

        List<String> tokens = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> login : logins) {
            HttpResponse<String> response = login.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as("a login in flight at SIGTERM: %s", response.body()).isEqualTo(200);
            tokens.add(read(response.body()).get("token").asText());
        }
        assertThat(first.process.waitFor(EXIT_BOUND.toSeconds(), TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
        assertThat(first.process.exitValue()).as("exit status after SIGTERM").isIn(0, 143);
        assertThat(wechat.exchangeCalls()).as("no login was retried against WeChat").isEqualTo(exchangesAtSigterm);

        wechat.faults().clear();
        Child second = start(env);
        URI restarted = second.awaitListening();
        for (String token : tokens) {
            assertThat(get(restarted, "/api/v1/me", token).statusCode()).as("a session acknowledged before SIGTERM").isEqualTo(200);
        }

        // Both processes logged at INFO the whole time: no token, code, secret or data key in their output.
        for (Child child : List.of(first, second)) {
            String output = child.output();
            assertThat(output).contains("wxlogin listening on");
            assertThat(output).doesNotContain(tokens).doesNotContain(codes)
                    .doesNotContain(SandboxSettings.DEFAULT_APP.secret().value()).doesNotContain(dataKey)
                    .doesNotContain("secret=").doesNotContain("js_code=");
        }
    }

    /**
     * The shipped logging ({@link ShippedLogging}), as logback.xml gave it before: every line on stdout (nothing on
     * stderr) as time with its offset, the level padded to five, [thread], the logger shortened to 36 characters,
     * " - " and the message; at INFO only wxlogin's own loggers write (Hikari and Flyway, which announce their start
     * at INFO, and the other libraries stay at WARN).
     */
    @Test
    void logsToStdoutInTheShippedFormatWithTheLibrariesQuiet() throws Exception {
        Child child = start(Map.of("WXLOGIN_DATA_DIR", temp.resolve("data").toString()));
        URI base = child.awaitListening();
        assertThat(get(base, "/health", null).statusCode()).isEqualTo(200);
        child.process.destroy();
        assertThat(child.awaitExit()).as("exit status after SIGTERM").isIn(0, 143);

        String time = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2})";
        List<String> logged = child.stdoutLines().stream().filter(line -> !line.startsWith("wxlogin listening on")).toList();
        assertThat(logged).isNotEmpty()
                .allMatch(line -> line.matches(time + " (TRACE|DEBUG|INFO |WARN |ERROR) \\[[^\\]]+\\] "
                        + "(d\\.w\\.|dev\\.wxlogin\\.|wxlogin\\.)\\S+ - .+"), "a line of wxlogin's in the shipped format")
                .anyMatch(line -> line.matches(time + " INFO  \\[wxlogin-database-open\\] "
                        + "d\\.w\\.adapters\\.persistence\\.Database - Database ready; \\d+ migrations applied now"))
                .anyMatch(line -> line.matches(time + " WARN  \\[main\\] wxlogin\\.security - The WeChat sandbox is on: .+"))
                .anyMatch(line -> line.matches(time + " INFO  \\[[^\\]]+\\] dev\\.wxlogin\\.adapters\\.rest\\.access - GET /health 200 .+"));
        assertThat(child.stderrLines()).as("stderr").isEmpty();
    }

    @Test
    void wechatModeWithoutADataKeyRefusesToStartWithOneLineThatEchoesNoSecret() throws Exception {
        Child missingKey = start(Map.of(
                "WXLOGIN_DATA_DIR", temp.resolve("a").toString(),
                "WXLOGIN_APP_ID", "wx1234567890abcdef",
                "WXLOGIN_APP_SECRET", "x"));
        int status = missingKey.awaitExit();
        List<String> message = missingKey.stderrLines();
        assertThat(status).as("exit status; stderr: %s", message).isNotZero();
        assertThat(message).as("stderr").hasSize(1);
        assertThat(message.getFirst())
                .startsWith("wxlogin: ")
                .contains("WXLOGIN_DATA_KEY")
                .contains("openssl rand -base64 32")
                .doesNotContain("WXLOGIN_APP_SECRET=x")
                .doesNotContainPattern("(?i)secret\\W+x\\b");
        assertThat(missingKey.output()).doesNotContain("WXLOGIN_APP_SECRET=x").doesNotContain("wxlogin listening");

        // A distinctive secret, malformed this time (a space is not allowed): named by key, never by value.
        String secret = "s3cr3t-Zq9 never-echo";
        Child badSecret = start(Map.of(
                "WXLOGIN_DATA_DIR", temp.resolve("b").toString(),
                "WXLOGIN_APP_ID", "wx1234567890abcdef",
                "WXLOGIN_APP_SECRET", secret));
        int badStatus = badSecret.awaitExit();
        List<String> badMessage = badSecret.stderrLines();
        assertThat(badStatus).as("exit status; stderr: %s", badMessage).isNotZero();
        assertThat(badMessage).hasSize(1);
        assertThat(badMessage.getFirst()).startsWith("wxlogin: ").contains("WXLOGIN_APP_SECRET");
        assertThat(badSecret.output()).doesNotContain("s3cr3t").doesNotContain("never-echo");
    }

    /** Issue 9: an app of WXLOGIN_APPS without its secret stops the start, naming the variable and no secret. */
    @Test
    void aMiniProgramWithoutItsSecretRefusesToStartNamingTheVariableAndNoSecret() throws Exception {
        Child refused = start(Map.of(
                "WXLOGIN_DATA_DIR", temp.resolve("apps").toString(),
                "WXLOGIN_APPS", "wx1111111111111111,wx2222222222222222",
                "WXLOGIN_APP_SECRET_wx1111111111111111", "first-app-secret-0123456789",
                "WXLOGIN_DATA_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="));
        int status = refused.awaitExit();
        List<String> message = refused.stderrLines();
        assertThat(status).as("exit status; stderr: %s", message).isEqualTo(2);
        assertThat(message).singleElement().asString()
                .startsWith("wxlogin: WXLOGIN_APP_SECRET_wx2222222222222222 is not set");
        assertThat(refused.output()).doesNotContain("first-app-secret", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "wxlogin listening");
    }

    /**
     * Issue 7.1: a secret store that failed to mount leaves WXLOGIN_APP_ID, WXLOGIN_APP_SECRET and WXLOGIN_DATA_KEY
     * empty. That used to start the sandbox with the production settings; now it stops the start, as does the
     * sandbox on an open host unless asked for.
     */
    @Test
    void anUnmountedSecretStoreOrTheSandboxOnAnOpenHostRefusesToStartSayingWhatToDo() throws Exception {
        Child unmounted = start(Map.of(
                "WXLOGIN_DATA_DIR", temp.resolve("a").toString(),
                "WXLOGIN_APP_ID", "",
                "WXLOGIN_APP_SECRET", "",
                "WXLOGIN_DATA_KEY", ""));
        int status = unmounted.awaitExit();
        List<String> message = unmounted.stderrLines();
        assertThat(status).as("exit status; stderr: %s", message).isEqualTo(2);
        assertThat(message).singleElement().asString().startsWith("wxlogin: WXLOGIN_APP_ID is set but empty");
        assertThat(unmounted.output()).doesNotContain("wxlogin listening");
        assertThat(temp.resolve("a")).as("nothing was started").doesNotExist();

        Child openSandbox = start(Map.of(
                "WXLOGIN_DATA_DIR", temp.resolve("b").toString(),
                "WXLOGIN_HOST", "0.0.0.0"));
        int openStatus = openSandbox.awaitExit();
        List<String> openMessage = openSandbox.stderrLines();
        assertThat(openStatus).as("exit status; stderr: %s", openMessage).isEqualTo(2);
        assertThat(openMessage).singleElement().asString()
                .startsWith("wxlogin: WXLOGIN_HOST=0.0.0.0 ").contains("/sandbox/code", "WXLOGIN_SANDBOX=true");
        assertThat(openSandbox.output()).doesNotContain("wxlogin listening");
    }

    // --- processes ----------------------------------------------------------------------------------------

    private Child start(Map<String, String> settings) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-cp", classPath, WxLogin.class.getName());
        builder.directory(temp.toFile()); // no ./wxlogin.properties from wherever the build runs
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("WXLOGIN_"));
        env.keySet().removeAll(List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"));
        env.put("WXLOGIN_PORT", "0");
        env.putAll(settings);
        Path stderr = Files.createTempFile(temp, "stderr", ".txt");
        builder.redirectError(stderr.toFile());
        Child child = new Child(builder.start(), stderr);
        children.add(child);
        return child;
    }

    /** A child process; its stdout is drained all the time (a full pipe would block its logging). */
    static final class Child {
        final Process process;
        private final Path stderr;
        private final List<String> stdout = Collections.synchronizedList(new ArrayList<>());
        private final CompletableFuture<Integer> port = new CompletableFuture<>();
        private final Thread drain;

        Child(Process process, Path stderr) {
            this.process = process;
            this.stderr = stderr;
            this.drain = Thread.ofPlatform().daemon().name("child-stdout-" + process.pid()).start(this::drain);
        }

        private void drain() {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    stdout.add(line);
                    Matcher listening = LISTENING.matcher(line);
                    if (listening.find()) {
                        port.complete(Integer.parseInt(listening.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // the process is gone
            } finally {
                port.completeExceptionally(new IllegalStateException("stdout ended before the listening line"));
            }
        }

        URI awaitListening() throws Exception {
            try {
                return URI.create("http://127.0.0.1:" + port.get(START_BOUND.toSeconds(), TimeUnit.SECONDS));
            } catch (Exception e) {
                throw new AssertionError("no listening line; stdout:\n" + output() + "\nstderr:\n" + stderrLines(), e);
            }
        }

        int awaitExit() throws Exception {
            if (!process.waitFor(START_BOUND.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("still running; stdout:\n" + output());
            }
            drain.join(Duration.ofSeconds(10));
            return process.exitValue();
        }

        List<String> stderrLines() {
            try {
                return Files.readAllLines(stderr, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList();
            } catch (IOException e) {
                return List.of("(unreadable: " + e + ")");
            }
        }

        List<String> stdoutLines() {
            synchronized (stdout) {
                return List.copyOf(stdout);
            }
        }

        String output() {
            synchronized (stdout) {
                return String.join("\n", stdout) + "\n" + String.join("\n", stderrLines());
            }
        }

        void kill() throws InterruptedException {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(EXIT_BOUND.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    // --- HTTP ---------------------------------------------------------------------------------------------

    private JsonNode loginThroughSandbox(URI base, String user) {
        HttpResponse<String> code = postJson(base, "/sandbox/code", "{\"user\":\"" + user + "\"}");
        assertThat(code.statusCode()).as(code.body()).isEqualTo(200);
        HttpResponse<String> login = postJson(base, "/api/v1/login", "{\"code\":\"" + read(code.body()).get("code").asText() + "\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return read(login.body());
    }

    private HttpResponse<String> postJson(URI base, String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> get(URI base, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static boolean accepts(URI base) {
        try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), base.getPort())) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** One request on a raw keep-alive connection; the answer's head and body (by Content-Length), or "" if closed. */
    private static String exchangeOn(Socket socket, String request) throws IOException {
        try {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return head.toString();
                }
                head.append((char) b);
            }
            Matcher length = Pattern.compile("(?i)Content-Length: *(\\d+)").matcher(head);
            int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
            return head + new String(in.readNBytes(bodyLength), StandardCharsets.UTF_8);
        } catch (SocketException closed) {
            return "";
        }
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, Duration bound, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
