package dev.wxlogin.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import dev.wxlogin.adapters.persistence.Database;
import dev.wxlogin.domain.Hashing;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

import static dev.wxlogin.bootstrap.TestServer.Json.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of malformed requests, generated from a fixed seed, against the real server: through the JDK's HTTP
 * client (bodies, content types, JSON shapes, Authorization values, headers, methods, paths, sizes) and over raw
 * sockets (what that client refuses to send: broken request lines, control and non-UTF-8 bytes in headers,
 * smuggling-shaped framing, partial and stalled requests). Afterwards: no response was 5xx, every error was
 * problem+json, no hostile request authenticated, nothing was logged at ERROR, the server is alive, and the
 * database holds exactly what it held before, plus, explicitly accounted for, one claim for each syntactically
 * valid but unknown code (those do reach WeChat, once each). Malformed codes never reach WeChat.
 *
 * <p>Run with {@code -Dwxlogin.fuzz.seed=N} to replay another seed; the seed is printed.
 */
@Isolated // its alarm hears every logger of the JVM, so the failures other tests provoke on purpose too
class HostileInputFuzzTest {
    private static final long SEED = Long.getLong("wxlogin.fuzz.seed", 20261121L);
    private static final int CLIENT_REQUESTS = 3200;
    private static final int RAW_REQUESTS = 500;
    private static final int PARALLELISM = 8;
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final int INTERNAL_REQUESTS = 600;
    private static final String INTERNAL_KEY = "fuzz-internal-key-0123456789abcdef-0123";
    private static final List<String> INTERNAL_USER_ACTIONS = List.of("POST /disable", "POST /enable",
            "DELETE /sessions", "POST /reset-session-key");

    @TempDir
    Path data;

    private TestServer server;
    private final LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Alarm alarm = new Alarm();
    private HttpClient http;

    // Filled during set-up: what mutations start from.
    private final List<String> validTokens = new ArrayList<>();
    private String sessionId;

    @AfterEach
    void stop() {
        logging.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(alarm);
        alarm.stop();
        if (http != null) {
            http.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void thousandsOfHostileRequestsGetNo5xxAndChangeNothing() throws Exception {
        System.out.println("HostileInputFuzzTest seed=" + SEED + " (replay with -Dwxlogin.fuzz.seed=" + SEED + ")");
        server = TestServer.start(data, Map.of(
                "WXLOGIN_RATE_LOGIN_PER_IP", "0",
                "WXLOGIN_RATE_LOGIN_GLOBAL", "0",
                "WXLOGIN_RATE_API_PER_IP", "0",
                // X-Forwarded-For from loopback is believed, so the fuzzed values are parsed, not ignored.
                "WXLOGIN_TRUSTED_PROXIES", "127.0.0.1"));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        alarm.setContext(logging);
        alarm.start();
        logging.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(alarm);

        for (String user : List.of("alice", "bob")) {
            validTokens.add(server.tokenFor(user));
        }
        JsonNode sessions = read(server.get("/api/v1/sessions", validTokens.getFirst()).body()).get("sessions");
        sessionId = sessions.get(0).get("id").asText();

        Database database = server.server().component(Database.class).orElseThrow();
        List<String> before = dump(database);
        long exchangesBefore = server.sandbox().exchangeCalls();

        Random random = new Random(SEED);
        Generator generator = new Generator(random);
        List<Case> clientCases = new ArrayList<>();
        for (int i = 0; i < CLIENT_REQUESTS; i++) {
            clientCases.add(generator.clientCase());
        }
        List<RawCase> rawCases = new ArrayList<>();
        for (int i = 0; i < RAW_REQUESTS; i++) {
            rawCases.add(generator.rawCase());
        }

        List<Outcome> outcomes = run(server.uri("/").getPort(), clientCases, rawCases);

        // 1. No 5xx, no hang where a response was due, problem+json errors, each case's own expectation.
        List<String> offenders = new ArrayList<>();
        Map<String, List<String>> offendersByKind = new TreeMap<>();
        Map<String, AtomicInteger> byStatus = new TreeMap<>();
        for (Outcome outcome : outcomes) {
            String status = outcome.statuses().isEmpty() ? "none" : outcome.statuses().toString();
            byStatus.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            outcome.problem().ifPresent(problem -> {
                String offender = problem + "\n      request: " + outcome.request().describe();
                offenders.add(offender);
                String kind = outcome.request().describe().replaceAll("[:|].*", "") + " -> "
                        + (outcome.statuses().isEmpty() ? "no answer" : outcome.statuses().toString());
                offendersByKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(offender);
            });
        }
        System.out.println("HostileInputFuzzTest: " + outcomes.size() + " requests (" + clientCases.size()
                + " HTTP client, " + rawCases.size() + " raw socket), responses by status: " + byStatus);
        offendersByKind.forEach((kind, examples) -> {
            System.out.println("  OFFENDERS " + kind + ": " + examples.size() + ", e.g.");
            examples.stream().limit(3).forEach(example -> System.out.println("    " + example));
        });
        // Every check runs and reports, so one failure does not hide the others.
        SoftAssertions softly = new SoftAssertions();
        Map<String, String> offenderSummary = new TreeMap<>();
        offendersByKind.forEach((kind, examples) -> offenderSummary.put(kind + " x" + examples.size(), examples.getFirst()));
        softly.assertThat(offenderSummary).as("%d offending responses, by kind with one example (more printed above)",
                offenders.size()).isEmpty();
        softly.assertThat(byStatus.keySet()).as("a spread of refusals, not one answer for everything")
                .contains("[400]", "[401]", "[404]", "[405]", "[413]", "[415]", "[431]");

        // 2. Nothing logged at ERROR (an unexpected exception is a 500 some client may not have seen).
        softly.assertThat(alarm.lines()).as("ERROR lines and unexpected failures in the log").isEmpty();

        // 3. Alive, and still serving the legitimate user.
        softly.assertThat(server.send(HttpRequest.newBuilder(server.uri("/health")).GET()).statusCode()).isEqualTo(200);
        softly.assertThat(server.send(HttpRequest.newBuilder(server.uri("/ready")).GET()).statusCode()).isEqualTo(200);

        // 4. Only the syntactically valid unknown codes reached WeChat, once each; they left a claim each.
        Set<String> unknownCodesSent = generator.unknownCodesSent;
        long exchanges = server.sandbox().exchangeCalls() - exchangesBefore;
        softly.assertThat(exchanges).as("jscode2session calls: one per distinct well-formed unknown code, none for garbage")
                .isEqualTo(unknownCodesSent.size());
        List<String> after = dump(database);
        List<String> added = new ArrayList<>(after);
        added.removeAll(before);
        List<String> removedOrChanged = new ArrayList<>(before);
        removedOrChanged.removeAll(after);
        softly.assertThat(removedOrChanged).as("rows changed or removed by hostile requests").isEmpty();
        softly.assertThat(added).as("the only new rows: one claim per unknown code")
                .hasSize(unknownCodesSent.size())
                .allMatch(row -> row.startsWith("exchanged_code"))
                .allMatch(row -> unknownCodesSent.stream().anyMatch(code -> row.contains(Hashing.sha256Hex(code))));
        softly.assertThat(unknownCodesSent).as("the accounting above was exercised").isNotEmpty();

        // 5. The real sessions still work (done last: it touches them).
        for (String token : validTokens) {
            softly.assertThat(server.get("/api/v1/me", token).statusCode()).isEqualTo(200);
        }
        softly.assertAll();
    }

    /**
     * The internal API: first requests with a right key but hostile input (malformed and unknown user ids and
     * AppIDs, bodies of every shape, wrong methods), then requests with every kind of wrong key to every route,
     * real user ids included. None is 5xx, none succeeds, and the database is exactly as before.
     */
    @Test
    void hostileRequestsToTheInternalApiGetNo5xxAndChangeNothing() throws Exception {
        server = TestServer.start(data, Map.of(
                "WXLOGIN_RATE_LOGIN_PER_IP", "0",
                "WXLOGIN_INTERNAL_API_KEYS", INTERNAL_KEY,
                "WXLOGIN_INTERNAL_PORT", "0"));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        alarm.setContext(logging);
        alarm.start();
        logging.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(alarm);
        for (String user : List.of("alice", "bob")) {
            validTokens.add(server.tokenFor(user));
        }
        List<String> userIds = validTokens.stream()
                .map(token -> read(server.get("/api/v1/me", token).body()).get("id").asText()).toList();
        sessionId = read(server.get("/api/v1/sessions", validTokens.getFirst()).body()).get("sessions").get(0).get("id").asText();
        Database database = server.server().component(Database.class).orElseThrow();
        List<String> before = dump(database);
        int port = server.server().internalPort().orElseThrow();

        Generator generator = new Generator(new Random(SEED));
        List<Case> withKey = new ArrayList<>();
        List<Case> withoutKey = new ArrayList<>();
        for (int i = 0; i < INTERNAL_REQUESTS; i++) {
            withKey.add(generator.internalWithKey());
            withoutKey.add(generator.internalWithoutKey(userIds));
        }
        // In this order: past ten failures the client is refused (429) even with the right key.
        List<Outcome> outcomes = new ArrayList<>(run(port, withKey, List.of()));
        outcomes.addAll(run(port, withoutKey, List.of()));

        Map<String, String> offenders = new TreeMap<>();
        Map<String, AtomicInteger> byStatus = new TreeMap<>();
        for (Outcome outcome : outcomes) {
            byStatus.computeIfAbsent(outcome.statuses().toString(), k -> new AtomicInteger()).incrementAndGet();
            outcome.problem().ifPresent(problem -> offenders.putIfAbsent(
                    outcome.request().describe().replaceAll("[:|].*", "") + " " + outcome.statuses(),
                    problem + "\n      request: " + outcome.request().describe()));
        }
        System.out.println("HostileInputFuzzTest internal: " + outcomes.size() + " requests, by status: " + byStatus);
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(offenders).as("offending responses, by kind with one example").isEmpty();
        softly.assertThat(byStatus.keySet()).as("a spread of refusals").contains("[400]", "[401]", "[404]", "[405]", "[429]");
        softly.assertThat(alarm.lines()).as("ERROR lines and unexpected failures in the log").isEmpty();
        softly.assertThat(dump(database)).as("the database after hostile internal requests").isEqualTo(before);
        for (String token : validTokens) {
            softly.assertThat(server.get("/api/v1/me", token).statusCode()).isEqualTo(200);
        }
        softly.assertAll();
    }

    // --- the fuzzer's findings, each pinned by one request ----------------------------------------------------

    /** JsonRequestBodies splits the Content-Type on ';': for ";" that leaves no media type at all. */
    @Test
    void aContentTypeOfOnlySemicolonsIsRefusedAs415NotA500() throws Exception {
        try (TestServer own = TestServer.start(data.resolve("semicolons"))) {
            for (String path : List.of("/api/v1/login", "/sandbox/code")) {
                for (String contentType : List.of(";", ";;;", " ; ")) {
                    HttpResponse<String> response = own.send(HttpRequest.newBuilder(own.uri(path))
                            .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString("{}")));
                    assertThat(response.statusCode()).as("%s with Content-Type '%s': %s", path, contentType, response.body())
                            .isEqualTo(415);
                }
            }
        }
    }

    /** RFC 9110 9.3.2: HEAD answers as GET would, without the body. A 200 to anyone says "your token is fine". */
    @Test
    void headOnAnAuthenticatedRouteIs401WithoutAValidToken() throws Exception {
        try (TestServer own = TestServer.start(data.resolve("head"))) {
            for (String path : List.of("/api/v1/me", "/api/v1/sessions")) {
                HttpResponse<String> anonymous = own.send(HttpRequest.newBuilder(own.uri(path))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()));
                HttpResponse<String> forged = own.send(HttpRequest.newBuilder(own.uri(path))
                        .header("Authorization", "Bearer " + "A".repeat(43))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()));
                assertThat(anonymous.statusCode()).as("HEAD %s without a token", path).isEqualTo(401);
                assertThat(forged.statusCode()).as("HEAD %s with an unknown token", path).isEqualTo(401);
            }
        }
    }

    /** Jetty answers an HTTP version it does not speak with 505; the problem must not claim a bug of ours. */
    @Test
    void aRequestInAnUnsupportedHttpVersionIsNotAnInternalError() throws Exception {
        try (TestServer own = TestServer.start(data.resolve("version"))) {
            for (String requestLine : List.of("GET / HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n", "GET /\r\n\r\n")) {
                Outcome outcome = sendRaw(own.uri("/").getPort(), new RawCase("version", utf8(requestLine), false, null, true));
                String request = escaped(utf8(requestLine));
                assertThat(outcome.answers()).as(request).hasSize(1);
                Answer answer = outcome.answers().getFirst();
                assertThat(answer.status()).as("%s: %s", request, answer.body()).isLessThan(500);
                assertThat(answer.body()).doesNotContain("internal_error");
            }
        }
    }

    // --- execution ----------------------------------------------------------------------------------------

    private List<Outcome> run(int port, List<Case> clientCases, List<RawCase> rawCases) throws Exception {
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService workers = Executors.newFixedThreadPool(PARALLELISM)) {
            List<Future<?>> futures = new ArrayList<>();
            for (Case c : clientCases) {
                futures.add(workers.submit(() -> outcomes.add(send(port, c))));
            }
            for (RawCase c : rawCases) {
                futures.add(workers.submit(() -> outcomes.add(sendRaw(port, c))));
            }
            workers.shutdown();
            assertThat(workers.awaitTermination(120, TimeUnit.SECONDS)).as("all requests done within the bound").isTrue();
            for (Future<?> future : futures) {
                future.get();
            }
        }
        return outcomes;
    }

    private Outcome send(int port, Case c) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + c.path())).timeout(Duration.ofSeconds(15));
        c.headers().forEach(header -> request.header(header[0], header[1]));
        HttpRequest.BodyPublisher body = c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : c.chunked() ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(c.body()))
                : HttpRequest.BodyPublishers.ofByteArray(c.body());
        request.method(c.method(), body);
        try {
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException closedUnderUs) {
                // A pooled keep-alive connection the server had just closed (RFC 9112 9.3.1): once more. A server
                // that fails on this input fails again.
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            }
            return Outcome.of(c, List.of(new Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body())), null);
        } catch (IOException e) {
            if (c.kind().startsWith("big-")) {
                // RFC 9110 15.5.14: a server refusing an oversized body may close the connection; unread request
                // bytes then make the close a reset, which can overtake the 413 already sent. Not a failure.
                return Outcome.of(c, List.of(), null);
            }
            return Outcome.of(c, List.of(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.of(c, List.of(), "interrupted");
        }
    }

    private static Outcome sendRaw(int port, RawCase c) {
        List<Answer> answers;
        String failure = null;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(c.mayStall() ? 400 : 5_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(c.bytes());
                out.flush();
                if (!c.mayStall()) {
                    socket.shutdownOutput();
                }
            } catch (IOException refusedMidway) {
                // The server may answer and close before it read everything; the answer is still read below.
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try {
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException stalled) {
                if (!c.mayStall()) {
                    failure = "no complete answer within 5 s";
                }
            } catch (IOException reset) {
                // A reset after the answer: the answer counts.
            }
            answers = RawHttp.parse(received.toByteArray());
            if (answers.isEmpty() && !c.mayStall() && failure == null) {
                failure = "connection closed without an answer";
            }
        } catch (IOException e) {
            answers = List.of();
            failure = e.toString();
        }
        return Outcome.of(c, answers, failure);
    }

    // --- the database, every row, compared as text ----------------------------------------------------------

    private static List<String> dump(Database database) {
        List<String> rows = new ArrayList<>();
        for (String table : List.of("app_user", "user_session", "exchanged_code")) {
            database.jdbi().useHandle(handle -> handle.createQuery("SELECT * FROM " + table).mapToMap()
                    .forEach(row -> rows.add(table + " " + new TreeMap<>(row))));
        }
        Collections.sort(rows);
        return rows;
    }

    // --- cases --------------------------------------------------------------------------------------------

    /** A generated request: how to print it, and what it expects beyond the rules every response obeys. */
    interface Request {
        String describe();

        /** The status the first answer must have; null for "any non-5xx". */
        IntPredicate expected();

        /** A 2xx from this request would mean a hostile request got somewhere. */
        boolean mustNotSucceed();

        /** A deliberately incomplete request: the server may rightly wait for the rest, so no answer is fine. */
        boolean mayStall();
    }

    record Case(String kind, String method, String path, List<String[]> headers, byte[] body, boolean chunked,
                IntPredicate expected, boolean mustNotSucceed) implements Request {
        @Override
        public String describe() {
            StringBuilder text = new StringBuilder(kind).append(": ").append(method).append(' ').append(abbreviate(path, 200));
            for (String[] header : headers) {
                text.append(" | ").append(header[0]).append(": ").append(abbreviate(header[1], 120));
            }
            if (body != null) {
                text.append(" | body").append(chunked ? " (chunked) " : " ").append(body.length).append(" bytes: ")
                        .append(abbreviate(escaped(body), 200));
            }
            return text.toString();
        }

        @Override
        public boolean mayStall() {
            return false;
        }
    }

    record RawCase(String kind, byte[] bytes, boolean mayStall, IntPredicate expected, boolean mustNotSucceed)
            implements Request {
        @Override
        public String describe() {
            return "raw " + kind + ": " + abbreviate(escaped(bytes), 300);
        }
    }

    record Answer(int status, String contentType, String body) {}

    record Outcome(Request request, List<Answer> answers, String failure) {
        static Outcome of(Request request, List<Answer> answers, String failure) {
            return new Outcome(request, answers, failure);
        }

        List<Integer> statuses() {
            return answers.stream().map(Answer::status).toList();
        }

        java.util.Optional<String> problem() {
            if (failure != null) {
                return java.util.Optional.of("no answer: " + failure);
            }
            for (Answer answer : answers) {
                if (answer.status() >= 500) {
                    return java.util.Optional.of(answer.status() + " " + abbreviate(answer.body(), 300));
                }
                if (answer.status() >= 400 && (answer.contentType() == null
                        || !answer.contentType().toLowerCase(Locale.ROOT).startsWith(PROBLEM_JSON))) {
                    return java.util.Optional.of(answer.status() + " with Content-Type " + answer.contentType());
                }
                if (answer.status() < 300 && request.mustNotSucceed()) {
                    return java.util.Optional.of(answer.status() + ": a hostile request succeeded: " + abbreviate(answer.body(), 300));
                }
            }
            if (request.expected() != null && !answers.isEmpty() && !request.expected().test(answers.getFirst().status())) {
                return java.util.Optional.of("unexpected status " + answers.getFirst().status() + " "
                        + abbreviate(answers.getFirst().body(), 300));
            }
            return java.util.Optional.empty();
        }
    }

    /** Everything random comes from here, in a fixed order, so one seed gives one sequence of requests. */
    final class Generator {
        private final Random random;
        /** Syntactically valid codes WeChat never issued: these are let through to WeChat, and counted. */
        private final List<String> unknownCodes = new ArrayList<>();
        final Set<String> unknownCodesSent = ConcurrentHashMap.newKeySet();

        Generator(Random random) {
            this.random = random;
            for (int i = 0; i < 12; i++) {
                unknownCodes.add("fuzz-unknown-" + SEED + "-" + i);
            }
        }

        Case clientCase() {
            int dice = random.nextInt(100);
            if (dice < 33) {
                return login();
            } else if (dice < 43) {
                return sandboxCode();
            } else if (dice < 58) {
                return authenticated();
            } else if (dice < 63) {
                return phone();
            } else if (dice < 71) {
                return oddPath();
            } else if (dice < 76) {
                return tokenInQuery();
            } else if (dice < 81) {
                return wrongMethod();
            } else if (dice < 88) {
                return oversized();
            } else if (dice < 94) {
                return passwords();
            } else {
                return randomHeaders();
            }
        }

        // POST /api/v1/login: nothing here is a valid code, except the explicit unknown ones.
        private Case login() {
            if (random.nextInt(100) < 2) {
                String code = pick(unknownCodes);
                unknownCodesSent.add(code);
                return new Case("login-unknown-code", "POST", "/api/v1/login", List.<String[]>of(json()),
                        utf8("{\"code\":\"" + code + "\"}"), false, status -> status == 401 || status == 409, true);
            }
            return invalidLogin();
        }

        private Case invalidLogin() {
            List<String[]> headers = new ArrayList<>();
            boolean jsonType = random.nextInt(100) < 75;
            if (jsonType) {
                headers.add(json());
            } else {
                contentType().ifPresent(type -> headers.add(new String[]{"Content-Type", type}));
            }
            byte[] body = random.nextInt(20) == 0 ? null : loginBody();
            return new Case("login", pick(List.of("POST", "POST", "POST", "PUT", "PATCH")), "/api/v1/login", headers,
                    body, random.nextInt(10) == 0, status -> status >= 400 && status != 401 && status != 409, true);
        }

        private byte[] loginBody() {
            String longJunk = randomVisible(129 + random.nextInt(400));
            return switch (random.nextInt(42)) {
                case 0 -> utf8("");
                case 1 -> utf8("{}");
                case 2 -> utf8("[]");
                case 3 -> utf8("null");
                case 4 -> utf8(Integer.toString(random.nextInt()));
                case 5 -> utf8("\"" + pick(unknownCodes) + "\"");
                case 6 -> utf8("{\"code\":null}");
                case 7 -> utf8("{\"code\":\"\"}");
                case 8 -> utf8("{\"code\":" + random.nextLong() + "}");
                case 9 -> utf8("{\"code\":" + pick(List.of("true", "false", "1.5e308", "-0", "1e999999", "NaN", "Infinity")) + "}");
                case 10 -> utf8("{\"code\":[\"" + pick(unknownCodes) + "\"]}");
                case 11 -> utf8("{\"code\":[1]}");
                case 12 -> utf8("{\"code\":{\"code\":\"" + pick(unknownCodes) + "\"}}");
                case 13 -> utf8("{\"code\":\"" + longJunk.replace("\\", "x").replace("\"", "y") + "\"}");
                case 14 -> utf8("{\"code\":\"with space " + random.nextInt(1000) + "\"}");
                case 15 -> utf8("{\"code\":\"" + pick(List.of("\\t", "\\n", "\\u0000", "\\u007f", "\\u00e9", "\\ud800",
                        "\\udfff", "\\u2028", "\\uFEFF", "中文", "é", "😀")) + "abc\"}");
                case 16 -> utf8("{\"Code\":\"" + pick(unknownCodes) + "\"}");
                case 17 -> utf8("{\"code\":\"" + pick(unknownCodes) + "\",\"code\":\"" + pick(unknownCodes) + "\"}");
                case 18 -> utf8("{\"code\":\"" + pick(unknownCodes) + "\"}" + pick(List.of("x", "{}", "]", "}", ",", "null", "\"a\"")));
                case 19 -> utf8("{\"code\":\"" + pick(unknownCodes) + "\" /* comment */}");
                case 20 -> utf8("{'code':'" + pick(unknownCodes) + "'}");
                case 21 -> utf8("{code:\"" + pick(unknownCodes) + "\"}");
                case 22 -> utf8("{\"code\":\"" + pick(unknownCodes) + "\",}");
                case 23 -> truncated("{\"code\":\"" + pick(unknownCodes) + "\",\"x\":[1,2,{\"y\":null}]}");
                case 24 -> nested("{\"code\":", "}", 20 + random.nextInt(1000), "\"" + pick(unknownCodes) + "\"");
                case 25 -> nested("[", "]", 1000 + random.nextInt(7000), "");
                case 26 -> nested("{\"a\":", "}", 17 + random.nextInt(100), "{\"code\":\"" + pick(unknownCodes) + "\"}");
                case 27 -> bytes(utf8("{\"code\":\""), invalidUtf8(), utf8("\"}"));
                case 28 -> bytes(invalidUtf8(), utf8("{\"code\":\"" + pick(unknownCodes) + "\"}"));
                case 29 -> bytes(utf8("{\"code\":\"a"), new byte[]{(byte) random.nextInt(0x20)}, utf8("b\"}"));
                case 30 -> utf8("{\"code\":1" + "0".repeat(1000 + random.nextInt(5000)) + "}");
                case 31 -> utf8("{\"code\":\" \",\"openid\":\"o-forged\",\"session_key\":\"AAAAAAAAAAAAAAAAAAAAAA==\"}");
                case 32 -> randomBytes(1 + random.nextInt(2000));
                case 33 -> utf8(randomVisible(1 + random.nextInt(500)));
                case 34 -> utf8("\uFEFF{\"code\":\"\"}");
                case 35 -> bytes(new byte[]{(byte) 0xFE, (byte) 0xFF}, utf16("{\"code\":\"" + pick(unknownCodes) + "\"}"));
                case 36 -> utf8("{\"code\":\"" + pick(unknownCodes) + "\"" + " ".repeat(random.nextInt(3)));
                case 37 -> utf8("{\"code\":\"" + "\\\\".repeat(130) + "\"}");
                case 38 -> utf8("{\"code\":\"" + "\\u0041".repeat(129) + "\"}");
                // a well-formed code for an app not served, or a malformed appId: refused before any claim or WeChat call
                case 39 -> utf8("{\"code\":\"" + pick(unknownCodes) + "\",\"appId\":\"" + pick(List.of("", " ", "wx",
                        "wxnotserved0000001", "wx1234567890abcdef", "wx/../sandbox", "wx shop", "x".repeat(65), "\\u0000",
                        "wxsandbox00000001,wxother")) + "\"}");
                case 40 -> utf8("{\"code\":\"" + pick(unknownCodes) + "\",\"appId\":" + pick(List.of("1", "true",
                        "[\"wxsandbox00000001\"]", "{}")) + "}");
                default -> utf8("{\"code\":\"" + randomVisible(1 + random.nextInt(20)).replace("\\", "").replace("\"", "")
                        + pick(List.of(" ", "\\t", "\\u0000", "\\u00a0", "\\u3000", "\\r\\n")) + "\"}");
            };
        }

        private Case sandboxCode() {
            List<String[]> headers = new ArrayList<>();
            if (random.nextInt(100) < 80) {
                headers.add(json());
            } else {
                contentType().ifPresent(type -> headers.add(new String[]{"Content-Type", type}));
            }
            int shape = random.nextInt(16);
            String body = switch (shape) {
                case 0 -> "{}";
                case 1 -> "{\"user\":null}";
                case 2 -> "{\"user\":\"\"}";
                case 3 -> "{\"user\":\"" + "u".repeat(65) + "\"}";
                case 4 -> "{\"user\":\"bad user\"}";
                case 5 -> "{\"user\":\"中文\"}";
                case 6 -> "{\"user\":42}";
                case 7 -> "{\"user\":[\"alice\"]}";
                case 8 -> "{\"user\":\"fuzzer\",\"appId\":\"" + pick(List.of("", "wx", "wx0000000000000000", "wxsandbox00000002",
                        "not an app id", "wx1234567890abcdef", "x".repeat(300))) + "\"}";
                case 9 -> "{\"user\":\"fuzzer\",\"appId\":" + pick(List.of("1", "true", "[]", "{}")) + "}";
                case 10 -> "{\"user\":\"fuzzer\",\"user\":\"other\"}";
                case 11 -> "{\"user\":\"" + randomVisible(1 + random.nextInt(80)).replace("\\", "").replace("\"", "") + "\"}";
                case 12 -> "{\"user\":\"ok-user\"";
                case 13 -> "[{\"user\":\"alice\"}]";
                case 14 -> "{\"user\":\"risky\"}"; // valid: a code is minted, nothing is stored
                default -> "{\"user\":\"fuzzer-" + random.nextInt(1000) + "\"}"; // valid
            };
            // 11 (random names, sometimes valid), 14 and the default are valid requests: a code is minted, nothing stored
            boolean mayBeValid = shape == 11 || shape >= 14;
            return new Case("sandbox-code", "POST", "/sandbox/code", headers, utf8(body), random.nextInt(10) == 0,
                    null, !mayBeValid);
        }

        // The account endpoints, with every kind of Authorization but a valid one.
        /**
         * POST /api/v1/me/phone with a hostile body, half of them by a signed-in user: those reach WeChat when the
         * code is well-formed, and WeChat refuses it (400); nothing is stored either way.
         */
        private Case phone() {
            List<String[]> headers = new ArrayList<>();
            boolean signedIn = random.nextBoolean();
            String authorization = signedIn ? "Bearer " + pick(validTokens) : authorization();
            if (authorization != null) {
                headers.add(new String[]{"Authorization", authorization});
            }
            if (random.nextInt(100) < 80) {
                headers.add(json());
            } else {
                contentType().ifPresent(type -> headers.add(new String[]{"Content-Type", type}));
            }
            IntPredicate expected = signedIn ? status -> status >= 400 && status != 401 : status -> status >= 400;
            return new Case("phone", "POST", "/api/v1/me/phone", headers, loginBody(), false, expected, true);
        }

        /**
         * The password routes (issue 12), with credentials that are never well-formed and codes that are never valid:
         * nothing is registered, counted as a failed login, changed or bound.
         */
        private Case passwords() {
            String[] route = pick(List.of(new String[]{"POST", "/api/v1/accounts"},
                    new String[]{"POST", "/api/v1/login/password"}, new String[]{"PUT", "/api/v1/me/password"},
                    new String[]{"POST", "/api/v1/me/wechat"}));
            boolean forCaller = route[1].startsWith("/api/v1/me/");
            boolean signedIn = forCaller && random.nextBoolean();
            List<String[]> headers = new ArrayList<>();
            headers.add(json());
            String authorization = signedIn ? "Bearer " + pick(validTokens) : forCaller ? authorization() : null;
            if (authorization != null) {
                headers.add(new String[]{"Authorization", authorization});
            }
            byte[] body = route[1].endsWith("/wechat") ? loginBody() : malformedCredentials();
            IntPredicate expected = forCaller && !signedIn ? status -> status >= 400
                    : status -> status >= 400 && status != 401;
            return new Case("password", route[0], route[1], headers, body, random.nextInt(10) == 0, expected, true);
        }

        private byte[] malformedCredentials() {
            String fine = "long enough " + randomIdentifier(8);
            String name = "fuzz" + randomIdentifier(6);
            return switch (random.nextInt(16)) {
                case 0 -> utf8("{}");
                case 1 -> utf8("{\"username\":\"" + name + "\"}");
                case 2 -> utf8("{\"username\":\"ab\",\"password\":\"" + fine + "\"}");
                case 3 -> utf8("{\"username\":\"" + "n".repeat(33) + "\",\"password\":\"" + fine + "\"}");
                case 4 -> utf8("{\"username\":\"fu zz\",\"password\":\"" + fine + "\"}");
                case 5 -> utf8("{\"username\":\"fu\\u0000zz\",\"password\":\"" + fine + "\"}");
                case 6 -> utf8("{\"username\":\"\\u202Efuzz\",\"password\":\"" + fine + "\"}");
                case 7 -> utf8("{\"username\":\"" + name + "\",\"password\":\"short\"}");
                case 8 -> utf8("{\"username\":\"" + name + "\",\"password\":\"" + "p".repeat(129) + "\"}");
                case 9 -> utf8("{\"username\":" + random.nextInt() + ",\"password\":\"" + fine + "\"}");
                case 10 -> utf8("{\"username\":[\"" + name + "\"],\"password\":\"" + fine + "\"}");
                case 11 -> utf8("{\"username\":\"" + name + "\",\"password\":null}");
                case 12 -> utf8("{\"username\":\"" + name + "\",\"password\":\"" + fine + "\"");
                case 13 -> utf8("{\"username\":\"" + name + "\",\"password\":\"pass\\ud800word1\"}");
                case 14 -> bytes(utf8("{\"username\":\""), invalidUtf8(), utf8("\",\"password\":\"" + fine + "\"}"));
                default -> loginBody();
            };
        }

        private Case authenticated() {
            if (random.nextInt(8) == 0) {
                return anotherAppsRequest();
            }
            boolean oddId = random.nextInt(6) == 0;
            String[] route = oddId
                    ? new String[]{"DELETE", "/api/v1/sessions/" + pick(List.of("s_x", "x".repeat(65), "..", "-", "s_%2F",
                            "%00", "s_%E2%80%AE", "s_" + randomIdentifier(16)))}
                    : random.nextInt(6) == 0
                    ? new String[]{pick(List.of("GET", "HEAD")), "/api/v1/avatars/" + pick(List.of("x", "..", "%00", "a".repeat(65),
                            "s_%2F", randomIdentifier(43)))}
                    : pick(List.of(
                    new String[]{"GET", "/api/v1/me"},
                    new String[]{"GET", "/api/v1/sessions"},
                    // HEAD must answer as GET would (RFC 9110 9.3.2): 401 here, never a 200 for anyone
                    new String[]{"HEAD", "/api/v1/me"},
                    new String[]{"HEAD", "/api/v1/sessions"},
                    new String[]{"POST", "/api/v1/logout"},
                    new String[]{"POST", "/api/v1/logout-all"},
                    new String[]{"POST", "/api/v1/me/open-data"},
                    new String[]{"PUT", "/api/v1/me/profile"},
                    new String[]{"PUT", "/api/v1/me/avatar"},
                    new String[]{"DELETE", "/api/v1/sessions/" + sessionId}));
            List<String[]> headers = new ArrayList<>();
            String authorization = authorization();
            boolean noHeader = authorization == null;
            if (!noHeader) {
                headers.add(new String[]{"Authorization", authorization});
            }
            if (!noHeader && random.nextInt(8) == 0) {
                headers.add(new String[]{"Authorization", "Bearer " + pick(validTokens)}); // a second one: ambiguous
            }
            boolean namesAnApp = random.nextInt(4) == 0;
            if (namesAnApp) {
                headers.addAll(hostileAppHeaders());
            }
            boolean logout = route[1].equals("/api/v1/logout");
            boolean finalNoHeader = noHeader;
            // logout: 204 for any Bearer credentials (even malformed), 401 without a Bearer header
            boolean avatar = route[1].startsWith("/api/v1/avatars/");
            IntPredicate expected = logout ? status -> finalNoHeader ? status == 401 : status == 204 || status == 401
                    : avatar ? status -> status == 404 || status == 400 // no bearer needed, and no such avatar
                    : oddId ? status -> status == 400 || status == 401 || status == 404
                    : namesAnApp ? status -> status == 400 || status == 401 // a malformed X-WxLogin-App: 400
                    : status -> status == 401;
            byte[] body = random.nextInt(5) == 0 ? loginBody() : null;
            return new Case("auth", route[0], route[1], headers, body, false, expected, !logout);
        }

        /** A valid token, presented in a request that names another mini program (or two): always 401. */
        private Case anotherAppsRequest() {
            String[] route = pick(List.of(new String[]{"GET", "/api/v1/me"}, new String[]{"GET", "/api/v1/sessions"},
                    new String[]{"POST", "/api/v1/logout-all"}, new String[]{"PUT", "/api/v1/me/profile"},
                    new String[]{"POST", "/api/v1/me/open-data"}, new String[]{"DELETE", "/api/v1/sessions/" + sessionId}));
            String other = pick(List.of("wxnotserved0000001", "wx1234567890abcdef", "wxsandbox00000002"));
            List<String[]> headers = new ArrayList<>();
            headers.add(new String[]{"Authorization", "Bearer " + pick(validTokens)});
            switch (random.nextInt(3)) {
                case 0 -> headers.add(new String[]{"X-WxLogin-App", other});
                case 1 -> headers.add(new String[]{"Referer", "https://servicewechat.com/" + other + "/3/page-frame.html"});
                default -> { // each names an app, but not the same one
                    headers.add(new String[]{"X-WxLogin-App", "wxsandbox00000001"});
                    headers.add(new String[]{"Referer", "https://servicewechat.com/" + other + "/0/page-frame.html"});
                }
            }
            byte[] body = route[0].equals("GET") || route[0].equals("DELETE") ? null : utf8("{\"nickname\":\"fuzz\"}");
            if (body != null) {
                headers.add(json());
            }
            return new Case("auth-other-app", route[0], route[1], headers, body, false, status -> status == 401, true);
        }

        /** X-WxLogin-App and Referer values, malformed or naming some app. */
        private List<String[]> hostileAppHeaders() {
            String value = pick(List.of("", " ", "wx shop", "wx/..", "x".repeat(65), "%00", "wxsandbox00000001,wxother",
                    "wxsandbox00000001", "wxnotserved0000001", randomIdentifier(1 + random.nextInt(64)),
                    randomVisible(1 + random.nextInt(100))));
            String referer = pick(List.of("https://servicewechat.com/" + value + "/0/page-frame.html",
                    "https://servicewechat.com/wxsandbox00000001/devtools/page-frame.html",
                    "https://servicewechat.com/../0/page-frame.html", "http://servicewechat.com/wxnotserved0000001/1/page-frame.html",
                    randomVisible(1 + random.nextInt(200))));
            return switch (random.nextInt(3)) {
                case 0 -> List.<String[]>of(new String[]{"X-WxLogin-App", value});
                case 1 -> List.<String[]>of(new String[]{"Referer", referer});
                default -> List.of(new String[]{"X-WxLogin-App", value}, new String[]{"Referer", referer});
            };
        }

        /** Anything but a valid token, alone and unchanged, with the Bearer scheme; null for no header. */
        private String authorization() {
            String token = pick(validTokens);
            return switch (random.nextInt(22)) {
                case 0 -> null;
                case 1 -> "";
                case 2 -> "Bearer";
                case 3 -> "Bearer ";
                case 4 -> "Bearer " + token.substring(0, random.nextInt(token.length()));
                case 5 -> "Bearer " + caseChanged(token);
                case 6 -> "Bearer " + oneCharChanged(token);
                case 7 -> "Bearer " + token + randomIdentifier(1 + random.nextInt(3));
                case 8 -> "Bearer  " + randomIdentifier(43);
                case 9 -> "Basic " + java.util.Base64.getEncoder().encodeToString(utf8("user:" + token));
                case 10 -> "Bearer " + randomIdentifier(43);
                case 11 -> "Bearer " + randomVisible(1 + random.nextInt(200));
                case 12 -> token;
                case 13 -> "Bearer " + token + ", Bearer " + token;
                case 14 -> "Bearer " + token.replace('-', '+').replace('_', '/') + "=";
                case 15 -> "Token " + token;
                case 16 -> "Bearer=" + token;
                case 17 -> "Bearer " + Hashing.sha256Hex(token);
                case 18 -> "Bearer " + "A".repeat(43 + random.nextInt(4000));
                case 19 -> "Bearer\t" + randomIdentifier(43);
                case 20 -> "Bearer %" + randomIdentifier(42);
                default -> "bearer " + oneCharChanged(token);
            };
        }

        private Case oddPath() {
            String path = pick(List.of("/", "/api", "/api/v1", "/api/v1/", "/api/v2/login", "/API/V1/LOGIN", "/api/v1/login/",
                    "/api/v1/login/../me", "/api/v1/./me", "//api/v1/me", "/api/v1/me%00", "/api/v1/%2e%2e/health",
                    "/api/v1/sessions/", "/api/v1/sessions/a/b", "/sandbox", "/sandbox/code/x", "/health/x", "/ready/",
                    "/.env", "/admin", "/WEB-INF/web.xml", "/api/v1/login;jsessionid=1", "/%ff", "/%c0%af",
                    "/api/v1/sessions/%2F..%2F", "/api/v1/me/..%2f..%2fhealth", "/%2e%2e/%2e%2e/etc/passwd",
                    "/favicon.ico", "/api/v1/me?x=" + "y".repeat(2000), "/" + randomIdentifier(1 + random.nextInt(60)),
                    "/api/v1/" + randomIdentifier(8), "/api/v1/sessions/" + randomIdentifier(10) + "/x",
                    "/" + "a/".repeat(500), "/api/v1/me#fragment", "/api/v1/logout-all/" + randomIdentifier(4)));
            List<String[]> headers = new ArrayList<>();
            if (random.nextBoolean()) {
                headers.add(new String[]{"Authorization", authorization() == null ? "Bearer x" : "Bearer " + randomIdentifier(43)});
            }
            String method = pick(List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "FOO", "get",
                    "PROPFIND", "M-SEARCH"));
            byte[] body = method.equals("GET") || method.equals("HEAD") || random.nextBoolean() ? null : loginBody();
            return new Case("odd-path", method, path.replace("#fragment", ""), headers, body, false, null,
                    !(path.startsWith("/health") || path.startsWith("/ready")));
        }

        private Case tokenInQuery() {
            String token = pick(validTokens);
            String path = pick(List.of("/api/v1/me", "/api/v1/sessions", "/api/v1/logout", "/api/v1/logout-all",
                    "/api/v1/sessions/" + sessionId));
            String method = switch (path) {
                case "/api/v1/me", "/api/v1/sessions" -> "GET";
                case "/api/v1/logout", "/api/v1/logout-all" -> "POST";
                default -> "DELETE";
            };
            String query = pick(List.of("token=", "access_token=", "Authorization=Bearer%20", "bearer=", "session=", "t="))
                    + token;
            return new Case("token-in-query", method, path + "?" + query, List.of(), null, false,
                    status -> status == 401, true);
        }

        private Case wrongMethod() {
            String[] route = pick(List.of(
                    new String[]{"/api/v1/login", "GET"}, new String[]{"/api/v1/login", "DELETE"},
                    new String[]{"/api/v1/me", "POST"}, new String[]{"/api/v1/me", "PUT"},
                    new String[]{"/api/v1/logout", "GET"}, new String[]{"/api/v1/sessions", "DELETE"},
                    new String[]{"/api/v1/sessions/" + sessionId, "GET"}, new String[]{"/sandbox/code", "GET"},
                    new String[]{"/health", "POST"}, new String[]{"/ready", "DELETE"}, new String[]{"/api/v1/logout-all", "GET"}));
            List<String[]> headers = List.<String[]>of(new String[]{"Authorization", "Bearer " + oneCharChanged(pick(validTokens))});
            return new Case("wrong-method", route[1], route[0], headers, null, false, status -> status == 405, true);
        }

        private Case oversized() {
            return switch (random.nextInt(5)) {
                case 0 -> new Case("big-header", "GET", "/api/v1/me",
                        List.<String[]>of(new String[]{"X-Big", "b".repeat(9 * 1024 + random.nextInt(8 * 1024))}), null, false,
                        status -> status == 431, true);
                case 1 -> {
                    List<String[]> many = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        many.add(new String[]{"X-Many-" + i, randomIdentifier(48)});
                    }
                    yield new Case("many-headers", "POST", "/api/v1/login", many, utf8("{}"), false, status -> status == 431, true);
                }
                case 2 -> new Case("big-body", "POST", pick(List.of("/api/v1/login", "/sandbox/code")), List.<String[]>of(json()),
                        utf8("{\"code\":\"" + "c".repeat(16 * 1024 + random.nextInt(48 * 1024)) + "\"}"), false,
                        status -> status == 413, true);
                case 3 -> new Case("big-chunked-body", "POST", "/api/v1/login", List.<String[]>of(json()),
                        utf8("{\"code\":\"" + "c".repeat(16 * 1024 + random.nextInt(16 * 1024)) + "\"}"), true,
                        status -> status == 413, true);
                default -> new Case("long-uri", "GET", "/api/v1/me?q=" + "q".repeat(9 * 1024 + random.nextInt(4096)),
                        List.of(), null, false, status -> status == 414 || status == 431, true);
            };
        }

        private Case randomHeaders() {
            Case base = random.nextBoolean() ? invalidLogin() : authenticated();
            List<String[]> headers = new ArrayList<>(base.headers());
            int count = 1 + random.nextInt(12);
            for (int i = 0; i < count; i++) {
                headers.add(switch (random.nextInt(12)) {
                    case 0 -> new String[]{"X-Forwarded-For", pick(List.of("", ",", "1.2.3.4, ", "::1", "[::1]", "999.1.1.1",
                            "1.2.3.4, 5.6.7.8, unknown", "fe80::1%eth0", "127.0.0.1:8080", randomVisible(60),
                            ",".repeat(300), "1.1.1.1 ".repeat(100)))};
                    case 1 -> new String[]{"Forwarded", "for=" + randomVisible(30)};
                    case 2 -> new String[]{"Accept", pick(List.of("text/html", "application/xml", "*/*", "", "application/json;q=0",
                            "image/png, text/plain;q=0.1"))};
                    case 3 -> new String[]{"Accept-Encoding", pick(List.of("gzip", "br", "deflate, gzip;q=0.5", "identity;q=0"))};
                    case 4 -> new String[]{"User-Agent", randomVisible(random.nextInt(1500))};
                    case 5 -> new String[]{"Cookie", "session=" + pick(validTokens) + "; token=" + pick(validTokens)};
                    case 6 -> new String[]{"X-Session-Key", randomVisible(24)};
                    case 7 -> new String[]{"Origin", pick(List.of("null", "https://evil.example", randomVisible(20)))};
                    case 8 -> new String[]{"Content-Encoding", pick(List.of("gzip", "deflate", "br", "identity", "x"))};
                    case 9 -> new String[]{"Range", "bytes=" + pick(List.of("0-", "-1", "9999999999-", "a-b"))};
                    case 10 -> new String[]{"X-HTTP-Method-Override", pick(List.of("DELETE", "PUT", "GET"))};
                    default -> new String[]{"X-" + randomIdentifier(1 + random.nextInt(30)), randomVisible(random.nextInt(200))};
                });
            }
            return new Case(base.kind() + "+headers", base.method(), base.path(), headers, base.body(), base.chunked(),
                    null, base.mustNotSucceed());
        }

        // --- raw sockets: what the JDK client will not send ----------------------------------------------

        RawCase rawCase() {
            String host = "Host: 127.0.0.1\r\n";
            String close = "Connection: close\r\n";
            String token = pick(validTokens);
            return switch (random.nextInt(30)) {
                case 0 -> raw("garbage-line", bytes(randomBytes(1 + random.nextInt(200)), utf8("\r\n\r\n")));
                case 1 -> rawMaySucceed("odd-request-line", utf8(pick(List.of("GET\r\n\r\n", "GET /\r\n\r\n", "GET / HTTP/9.9\r\n" + host + "\r\n",
                        "GET / FOO/1.1\r\n" + host + "\r\n", "GET  /  HTTP/1.1\r\n" + host + "\r\n",
                        " GET / HTTP/1.1\r\n" + host + "\r\n", "GET / HTTP/1.1 extra\r\n" + host + "\r\n",
                        "GET * HTTP/1.1\r\n" + host + "\r\n", "GET http://evil.example/api/v1/me HTTP/1.1\r\n" + host + close + "\r\n",
                        "get /health HTTP/1.1\r\n" + host + close + "\r\n", "GET /%zz HTTP/1.1\r\n" + host + close + "\r\n",
                        "GET /api/v1/me?%zz HTTP/1.1\r\n" + host + close + "\r\n", "G\u00c9T / HTTP/1.1\r\n" + host + "\r\n",
                        "GET /health HTTP/1.0\r\n\r\n", "GET /health\tHTTP/1.1\r\n" + host + "\r\n",
                        "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "CONNECT 127.0.0.1:22 HTTP/1.1\r\n" + host + "\r\n",
                        "X".repeat(10_000) + " / HTTP/1.1\r\n" + host + "\r\n"))));
                case 2 -> raw("nul-in-target", bytes(utf8("GET /api/v1/me"), new byte[]{0}, utf8(" HTTP/1.1\r\n" + host + close + "\r\n")));
                case 3 -> raw("no-host", utf8("GET /api/v1/me HTTP/1.1\r\nAuthorization: Bearer " + token + "\r\n" + close + "\r\n"));
                case 4 -> raw("two-hosts", utf8("GET /api/v1/me HTTP/1.1\r\n" + host + "Host: evil.example\r\n" + close + "\r\n"));
                case 5 -> raw("invalid-utf8-authorization", bytes(utf8("GET /api/v1/me HTTP/1.1\r\n" + host + close + "Authorization: Bearer "),
                        invalidUtf8(), utf8(token.substring(3) + "\r\n\r\n")));
                case 6 -> raw("control-in-authorization", bytes(utf8("GET /api/v1/sessions HTTP/1.1\r\n" + host + close + "Authorization: Bearer "
                        + token.substring(0, 20)), new byte[]{(byte) (int) pick(List.of(0, 1, 8, 11, 12, 27, 127))}, utf8(token.substring(21) + "\r\n\r\n")));
                case 7 -> raw("header-without-colon", utf8("GET /api/v1/me HTTP/1.1\r\n" + host + close + "Authorization Bearer " + token + "\r\n\r\n"));
                case 8 -> raw("space-before-colon", utf8("GET /api/v1/me HTTP/1.1\r\n" + host + close + "Authorization : Bearer " + token + "\r\n\r\n"));
                case 9 -> raw("obs-fold", utf8("GET /api/v1/me HTTP/1.1\r\n" + host + close + "Authorization: Bearer\r\n " + token + "\r\n\r\n"));
                case 10 -> raw("bare-lf", utf8("GET /api/v1/me HTTP/1.1\n" + host.replace("\r\n", "\n") + "Connection: close\nAuthorization: Bearer x\n\n"));
                case 11 -> raw("bare-cr", utf8("GET /api/v1/me HTTP/1.1\r" + host + close + "X: a\rb\r\n\r\n"));
                case 12 -> raw("cl-and-te", utf8("POST /api/v1/login HTTP/1.1\r\n" + host + close + "Content-Type: application/json\r\n"
                        + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /api/v1/me HTTP/1.1\r\n" + host + "\r\n"));
                case 13 -> raw("two-content-lengths", utf8("POST /api/v1/login HTTP/1.1\r\n" + host + close + "Content-Type: application/json\r\n"
                        + "Content-Length: 2\r\nContent-Length: 30\r\n\r\n{}{\"code\":\"" + pick(unknownCodes) + "\"}"));
                case 14 -> raw("bad-content-length", utf8("POST /api/v1/login HTTP/1.1\r\n" + host + close + "Content-Type: application/json\r\n"
                        + "Content-Length: " + pick(List.of("-1", "abc", "99999999999999999999", "1 2", "0x10", "+5", "")) + "\r\n\r\n{}"));
                case 15 -> raw("bad-chunk", utf8("POST /api/v1/login HTTP/1.1\r\n" + host + close + "Content-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n" + pick(List.of("zz\r\n{}\r\n0\r\n\r\n", "2;ext=\"\r\n{}\r\n0\r\n\r\n",
                        "FFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n", "2\r\n{}0\r\n\r\n", "-2\r\n{}\r\n0\r\n\r\n"))));
                case 16 -> raw("unknown-transfer-encoding", utf8("POST /api/v1/login HTTP/1.1\r\n" + host + close + "Content-Type: application/json\r\n"
                        + "Transfer-Encoding: " + pick(List.of("gzip", "chunked, gzip", "identity", "xchunked", "chunked\t")) + "\r\n\r\n2\r\n{}\r\n0\r\n\r\n"));
                case 17 -> stalled("partial-body", utf8("POST /api/v1/login HTTP/1.1\r\n" + host + "Content-Type: application/json\r\n"
                        + "Content-Length: " + (20 + random.nextInt(1000)) + "\r\n\r\n{\"code\":\"" + pick(unknownCodes)));
                case 18 -> stalled("partial-headers", utf8("GET /api/v1/me HTTP/1.1\r\n" + host + "Authorization: Bearer " + token.substring(0, 10)));
                case 19 -> stalled("partial-request-line", utf8("POST /api/v1/lo"));
                case 20 -> stalled("partial-chunked", utf8("POST /api/v1/login HTTP/1.1\r\n" + host + "Content-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n10\r\n{\"code\":\"ab"));
                case 21 -> rawMaySucceed("pipelined", utf8("GET /health HTTP/1.1\r\n" + host + "\r\n"
                        + "GET /api/v1/me HTTP/1.1\r\n" + host + "Authorization: Bearer " + oneCharChanged(token) + "\r\n\r\n"
                        + "POST /api/v1/login HTTP/1.1\r\n" + host + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
                        + "GARBAGE\r\n\r\n"));
                case 22 -> raw("invalid-utf8-body", bytes(utf8("POST /api/v1/login HTTP/1.1\r\n" + host + close
                        + "Content-Type: application/json\r\nContent-Length: 14\r\n\r\n{\"code\":\""), invalidUtf8Fixed(3), utf8("\"}")));
                case 23 -> raw("non-ascii-header-name", bytes(utf8("GET /api/v1/me HTTP/1.1\r\n" + host + close), invalidUtf8(),
                        utf8(": x\r\nAuthorization: Bearer " + oneCharChanged(token) + "\r\n\r\n")));
                case 24 -> raw("huge-header-line", utf8("GET /api/v1/me HTTP/1.1\r\n" + host + close + "X: "
                        + "x".repeat(9_000 + random.nextInt(20_000)) + "\r\n\r\n"));
                case 25 -> raw("expect-continue", utf8("POST /api/v1/login HTTP/1.1\r\n" + host + close + "Content-Type: application/json\r\n"
                        + "Expect: " + pick(List.of("100-continue", "200-ok", "x")) + "\r\nContent-Length: 2\r\n\r\n{}"));
                case 26 -> raw("upgrade", utf8("GET /api/v1/me HTTP/1.1\r\n" + host + close + "Upgrade: " + pick(List.of("h2c", "websocket", "x"))
                        + "\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n"));
                case 27 -> raw("http10-keepalive-garbage", utf8("POST /api/v1/login HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"code\""));
                case 28 -> raw("random-header-bytes", bytes(utf8("GET /api/v1/me HTTP/1.1\r\n" + host + close + "X-Junk: "),
                        randomBytesWithout(1 + random.nextInt(300), (byte) '\r', (byte) '\n'), utf8("\r\n\r\n")));
                default -> raw("many-small-headers", utf8("GET /api/v1/me HTTP/1.1\r\n" + host + close
                        + "A: b\r\n".repeat(1 + random.nextInt(3000)) + "\r\n"));
            };
        }

        /** Nothing in these may succeed: they reach /api/v1 with no valid credentials, or are not HTTP at all. */
        private RawCase raw(String kind, byte[] bytes) {
            return new RawCase(kind, bytes, false, null, true);
        }

        /** May be answered 2xx: a well-formed request for /health hides in them. */
        private RawCase rawMaySucceed(String kind, byte[] bytes) {
            return new RawCase(kind, bytes, false, null, false);
        }

        private RawCase stalled(String kind, byte[] bytes) {
            return new RawCase(kind, bytes, true, null, true);
        }

        // --- the internal API -----------------------------------------------------------------------------

        /** The right key, and input that must be refused before anything changes: never a 2xx, never a 5xx. */
        Case internalWithKey() {
            List<String[]> headers = new ArrayList<>();
            headers.add(new String[]{"Authorization", "Bearer " + INTERNAL_KEY});
            return switch (random.nextInt(5)) {
                case 0, 1 -> {
                    String[] action = pick(INTERNAL_USER_ACTIONS).split(" /");
                    List<String> malformed = List.of("x".repeat(65), "-.", "%00", "u%2F..", "u_%E2%80%AE", "%C3%A9",
                            "u%20x", randomIdentifier(1 + random.nextInt(64)) + "%2e");
                    // A well-formed unknown id reaches the port, which answers 404.
                    List<String> wellFormed = List.of("u_nobody" + random.nextInt(1000), "u_" + randomIdentifier(16), "..", "u;x");
                    String id = random.nextBoolean() ? pick(malformed) : pick(wellFormed);
                    yield new Case("internal-user", action[0], "/internal/v1/users/" + id + "/" + action[1], headers,
                            random.nextInt(4) == 0 ? loginBody() : null, false,
                            status -> status == 400 || status == 404, true);
                }
                case 2 -> {
                    String appId = pick(List.of("", "wx", "wx0000000000000000", "not%20an%20app", "x".repeat(300), "%00",
                            "wxsandbox00000002", "WXSANDBOX00000001", "wxsandbox00000001%20", randomIdentifier(20)));
                    yield new Case("internal-token", pick(List.of("GET", "HEAD")),
                            "/internal/v1/access-token?appId=" + appId, headers, null, false, status -> status == 400, true);
                }
                case 3 -> {
                    if (random.nextInt(100) < 75) {
                        headers.add(json());
                    } else {
                        contentType().ifPresent(type -> headers.add(new String[]{"Content-Type", type}));
                    }
                    yield new Case("internal-refresh", "POST", "/internal/v1/access-token/refresh", headers,
                            refreshBody(), random.nextInt(10) == 0, status -> status >= 400 && status < 500, true);
                }
                default -> {
                    String[] route = pick(List.of(new String[]{"POST", "/internal/v1/access-token"},
                            new String[]{"DELETE", "/internal/v1/access-token"}, new String[]{"GET", "/internal/v1/access-token/refresh"},
                            new String[]{"GET", "/internal/v1/users/u_nobody/disable"},
                            new String[]{"PUT", "/internal/v1/users/u_nobody/sessions"},
                            new String[]{"GET", "/internal/v1/users/u_nobody/reset-session-key"}));
                    yield new Case("internal-wrong-method", route[0], route[1], headers, null, false,
                            status -> status == 405, true);
                }
            };
        }

        /** Never a complete valid refresh: a missing, malformed or overlong token, or an AppID not served. */
        private byte[] refreshBody() {
            return switch (random.nextInt(8)) {
                case 0 -> utf8("{\"rejectedToken\":\"t\",\"appId\":\"" + pick(List.of("wx0000000000000000", "", "a b",
                        "wxsandbox00000002")) + "\"}");
                case 1 -> utf8("{\"rejectedToken\":" + pick(List.of("null", "1", "[]", "{}", "true", "\"\"")) + "}");
                case 2 -> utf8("{\"rejectedToken\":\"" + "t".repeat(513 + random.nextInt(2000)) + "\"}");
                case 3 -> utf8("{\"rejectedToken\":\"t\",\"rejectedToken\":\"u\",\"appId\":\"wx\"}");
                case 4 -> utf8("{\"rejectedToken\":\"t\",\"appId\":" + pick(List.of("1", "[]", "{}", "true")) + "}");
                default -> loginBody(); // no rejectedToken at all
            };
        }

        /** Every route, real user ids included, with anything but the right key; 401, or 429 once over the budget. */
        Case internalWithoutKey(List<String> userIds) {
            String[] route = switch (random.nextInt(4)) {
                case 0 -> new String[]{"GET", "/internal/v1/access-token"};
                case 1 -> new String[]{"POST", "/internal/v1/access-token/refresh"};
                case 2 -> new String[]{"GET", pick(List.of("/internal/v1/nothing", "/api/v1/me", "/health", "/"))};
                default -> {
                    String[] action = pick(INTERNAL_USER_ACTIONS).split(" /");
                    yield new String[]{action[0], "/internal/v1/users/" + pick(userIds) + "/" + action[1]};
                }
            };
            List<String[]> headers = new ArrayList<>();
            String authorization = switch (random.nextInt(8)) {
                case 0 -> authorization(); // a session token, changed or not, or no header at all
                case 1 -> "Bearer " + INTERNAL_KEY.substring(0, random.nextInt(INTERNAL_KEY.length()));
                case 2 -> "Bearer " + caseChanged(INTERNAL_KEY);
                case 3 -> "Bearer " + oneCharChanged(INTERNAL_KEY);
                case 4 -> "Bearer " + INTERNAL_KEY + randomIdentifier(1 + random.nextInt(3));
                case 5 -> "Basic " + java.util.Base64.getEncoder().encodeToString(utf8("operator:" + INTERNAL_KEY));
                case 6 -> INTERNAL_KEY;
                default -> "Bearer " + INTERNAL_KEY + ", Bearer " + INTERNAL_KEY;
            };
            if (authorization != null) {
                headers.add(new String[]{"Authorization", authorization});
            }
            byte[] body = route[1].endsWith("refresh") ? utf8("{\"rejectedToken\":\"t\"}") : null;
            if (body != null) {
                headers.add(json());
            }
            return new Case("internal-no-key", route[0], route[1], headers, body, false,
                    status -> status == 401 || status == 429, true);
        }

        // --- building blocks ------------------------------------------------------------------------------

        private String[] json() {
            return new String[]{"Content-Type", pick(List.of("application/json", "application/json; charset=utf-8",
                    "application/json;charset=\"UTF-8\"", "APPLICATION/JSON", "application/json ; charset=UTF-8"))};
        }

        private java.util.Optional<String> contentType() {
            return java.util.Optional.ofNullable(pick(java.util.Arrays.asList(null, "", ";", "text/plain", "text/json",
                    "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/problem+json",
                    "application/jsonx", "application/json; charset=latin1", "application/json; charset=utf-16",
                    "application/json; charset=", "application/json;;;", "application/*", "*/*", "json",
                    "application/json, text/plain", randomVisible(1 + random.nextInt(40)))));
        }

        private byte[] truncated(String text) {
            byte[] full = utf8(text);
            return java.util.Arrays.copyOf(full, random.nextInt(full.length));
        }

        private byte[] nested(String open, String close, int depth, String core) {
            return utf8(open.repeat(depth) + core + close.repeat(depth));
        }

        private byte[] invalidUtf8() {
            return pick(List.of(new byte[]{(byte) 0xFF}, new byte[]{(byte) 0xC0, (byte) 0xAF}, new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                    new byte[]{(byte) 0xE2, (byte) 0x82}, new byte[]{(byte) 0x80}, new byte[]{(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                    new byte[]{(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[]{(byte) 0xFE, (byte) 0xFF}));
        }

        private byte[] invalidUtf8Fixed(int length) {
            byte[] bytes = new byte[length];
            for (int i = 0; i < length; i++) {
                bytes[i] = (byte) (0x80 + random.nextInt(0x40)); // continuation bytes without a lead byte
            }
            return bytes;
        }

        private byte[] randomBytes(int length) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            return bytes;
        }

        private byte[] randomBytesWithout(int length, byte... excluded) {
            byte[] bytes = randomBytes(length);
            for (int i = 0; i < length; i++) {
                for (byte x : excluded) {
                    if (bytes[i] == x) {
                        bytes[i] = 'x';
                    }
                }
            }
            return bytes;
        }

        private String randomVisible(int length) {
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append((char) (0x21 + random.nextInt(0x7E - 0x21 + 1)));
            }
            return text.toString();
        }

        private String randomIdentifier(int length) {
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return text.toString();
        }

        /**
         * Flips the case of some letters, never giving the token itself. Draws the same random numbers whatever the
         * token, so that one seed gives one sequence of requests although the server's tokens differ per run.
         */
        private String caseChanged(String token) {
            char[] chars = token.toCharArray();
            int fallback = random.nextInt(chars.length);
            for (int i = 0; i < chars.length; i++) {
                boolean flip = random.nextBoolean();
                if (flip && Character.isLetter(chars[i])) {
                    chars[i] = Character.isUpperCase(chars[i]) ? Character.toLowerCase(chars[i]) : Character.toUpperCase(chars[i]);
                }
            }
            String result = new String(chars);
            return result.equals(token)
                    ? token.substring(0, fallback) + (token.charAt(fallback) == 'A' ? 'B' : 'A') + token.substring(fallback + 1)
                    : result;
        }

        private String oneCharChanged(String token) {
            int at = random.nextInt(token.length());
            char replacement = token.charAt(at) == 'A' ? 'B' : 'A';
            return token.substring(0, at) + replacement + token.substring(at + 1);
        }

        private <T> T pick(List<T> options) {
            return options.get(random.nextInt(options.size()));
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] utf16(String text) {
        return text.getBytes(StandardCharsets.UTF_16BE);
    }

    private static byte[] bytes(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static String escaped(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '\\') {
                text.append((char) c);
            } else {
                text.append(switch (c) {
                    case '\r' -> "\\r";
                    case '\n' -> "\\n";
                    case '\\' -> "\\\\";
                    default -> String.format("\\x%02x", c);
                });
            }
        }
        return text.toString();
    }

    static String abbreviate(String text, int max) {
        if (text == null) {
            return "null";
        }
        return text.length() <= max ? text : text.substring(0, max) + "...(" + text.length() + " chars)";
    }

    /** Just enough HTTP/1.1 response parsing for raw-socket answers: status lines, headers, bodies by length or chunks. */
    static final class RawHttp {
        private RawHttp() {}

        static List<Answer> parse(byte[] bytes) {
            List<Answer> answers = new ArrayList<>();
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int at = 0;
            while (at < text.length()) {
                int start = text.indexOf("HTTP/1.", at);
                if (start < 0) {
                    break;
                }
                int headersEnd = text.indexOf("\r\n\r\n", start);
                if (headersEnd < 0) {
                    answers.add(new Answer(status(text.substring(start)), null, text.substring(start)));
                    break;
                }
                String head = text.substring(start, headersEnd);
                int status = status(head);
                String contentType = null;
                long contentLength = 0;
                boolean chunked = false;
                for (String line : head.split("\r\n")) {
                    String lower = line.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("content-type:")) {
                        contentType = line.substring(13).trim();
                    } else if (lower.startsWith("content-length:")) {
                        contentLength = Long.parseLong(line.substring(15).trim());
                    } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                        chunked = true;
                    }
                }
                int bodyStart = headersEnd + 4;
                int bodyEnd;
                if (chunked) {
                    int last = text.indexOf("\r\n0\r\n\r\n", bodyStart);
                    bodyEnd = last < 0 ? text.length() : last + 7;
                } else {
                    bodyEnd = (int) Math.min(text.length(), bodyStart + contentLength);
                }
                if (status >= 200) { // 1xx (100 Continue) is interim: the final answer follows
                    answers.add(new Answer(status, contentType, text.substring(bodyStart, bodyEnd)));
                }
                at = status >= 200 ? bodyEnd : bodyStart;
            }
            return answers;
        }

        private static int status(String head) {
            try {
                return Integer.parseInt(head.substring(9, 12));
            } catch (RuntimeException e) {
                return 999; // not HTTP: counted as a failure (>= 500)
            }
        }
    }

    /** Whatever is logged at ERROR, and the handler's "unexpected"/"fatal" lines whatever their level. */
    static final class Alarm extends AppenderBase<ILoggingEvent> {
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        protected void append(ILoggingEvent event) {
            String message = event.getFormattedMessage();
            if (event.getLevel().isGreaterOrEqual(Level.ERROR) || message.startsWith("Unexpected") || message.startsWith("Fatal")) {
                lines.add(event.getLevel() + " " + event.getLoggerName() + " " + message
                        + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getClassName()
                        + ": " + event.getThrowableProxy().getMessage()));
            }
        }

        List<String> lines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }
    }

}
