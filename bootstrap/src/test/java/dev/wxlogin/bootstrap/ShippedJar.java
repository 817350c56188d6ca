package dev.wxlogin.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.wxlogin.bootstrap.TestServer.Json.read;

/**
 * {@code java -jar wxlogin.jar} as an operator runs it, the jar that {@code mvn package} built (Failsafe passes its
 * path as {@code wxlogin.jar}), configured by WXLOGIN_* environment variables alone, with the JDK's HTTP client to
 * talk to it. Every wait is bounded.
 */
final class ShippedJar implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("wxlogin listening on http://127\\.0\\.0\\.1:(\\d+) ");
    private static final Pattern INTERNAL = Pattern.compile("internal API on (http://127\\.0\\.0\\.1:\\d+)");
    private static final Duration START_BOUND = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final List<String> output = new ArrayList<>();
    private final CompletableFuture<URI> base = new CompletableFuture<>();
    private volatile URI internal;

    private ShippedJar(Process process) {
        this.process = process;
        Thread.ofPlatform().daemon().name("wxlogin-" + process.pid()).start(this::drain);
    }

    /** Starts the jar in {@code directory} (its data directory too) with these settings and waits until it listens. */
    static ShippedJar start(Path directory, Map<String, String> settings) {
        Path jar = Path.of(System.getProperty("wxlogin.jar", "target/wxlogin.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": these tests run after `mvn package`, in `mvn verify`");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-jar", jar.toString()).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("WXLOGIN_") || key.endsWith("JAVA_OPTIONS")
                || key.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(Map.of("WXLOGIN_PORT", "0", "WXLOGIN_DATA_DIR", directory.toString()));
        builder.environment().putAll(settings);
        try {
            ShippedJar started = new ShippedJar(builder.start());
            started.awaitListening();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void drain() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                synchronized (output) {
                    output.add(line);
                }
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    Matcher internalApi = INTERNAL.matcher(line);
                    internal = internalApi.find() ? URI.create(internalApi.group(1)) : null;
                    base.complete(URI.create("http://127.0.0.1:" + listening.group(1)));
                }
            }
        } catch (IOException ignored) {
            // the process is gone
        } finally {
            base.completeExceptionally(new IllegalStateException("the output ended before the listening line"));
        }
    }

    private void awaitListening() {
        try {
            base.get(START_BOUND.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new AssertionError("wxlogin.jar did not start listening; its output:\n" + output(), e);
        }
    }

    /** Everything the process printed so far, standard output and error. */
    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.join().resolve(path));
    }

    /** A request to the internal API, which listens when WXLOGIN_INTERNAL_API_KEYS is set. */
    HttpRequest.Builder internalRequest(String path, String apiKey) {
        base.join();
        if (internal == null) {
            throw new IllegalStateException("this instance serves no internal API");
        }
        return HttpRequest.newBuilder(internal.resolve(path)).header("Authorization", "Bearer " + apiKey);
    }

    HttpResponse<String> get(String path, String token) {
        return send(request(path).header("Authorization", "Bearer " + token).GET());
    }

    HttpResponse<String> post(String path, String token) {
        return send(request(path).header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The sandbox's wx.login() for a simulated user, through this instance's /sandbox/code. */
    String code(String user) {
        HttpResponse<String> response = postJson("/sandbox/code", "{\"user\":\"" + user + "\"}");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("sandbox code: " + response.statusCode() + " " + response.body());
        }
        return read(response.body()).get("code").asText();
    }

    HttpResponse<String> login(String code) {
        return postJson("/api/v1/login", "{\"code\":\"" + code + "\"}");
    }

    /** SIGKILL: the process dies at once, whatever it was doing. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, the graceful stop, and wait for the process to end. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
