package dev.wxlogin.bootstrap;

import dev.wxlogin.domain.app.AppId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Prints throughput and latency of the real server (sandbox over loopback HTTP, H2 file database) and the
 * ratios that matter: a login refused by the open breaker against a normal login, measured in one run.
 * Not part of the test command (its name does not end in Test; the machine is shared and noisy, and
 * nothing here asserts a time). Run with
 * {@code mvn -B -pl bootstrap -am verify -Dtest=LoginBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class LoginBenchmark {
    private static final int CLIENTS = 8;

    @TempDir
    Path data;

    @Test
    void measure() throws Exception {
        try (TestServer server = TestServer.start(data, Map.of(
                "WXLOGIN_RATE_LOGIN_PER_IP", "0", "WXLOGIN_RATE_LOGIN_GLOBAL", "0", "WXLOGIN_RATE_API_PER_IP", "0",
                "WXLOGIN_LOG_LEVEL", "WARN"))) {
            long idleHeap = usedHeapAfterGc();
            run("warm-up logins", 400, loginsWith(server, "warm", 400));

            Stats logins = run("POST /api/v1/login (claim, code2Session over HTTP, upsert, session)", 2000,
                    loginsWith(server, "user", 2000));
            String token = server.tokenFor("reader");
            run("warm-up /me", 2000, i -> server.get("/api/v1/me", token));
            run("GET /api/v1/me (token lookup by hash + user)", 20000, i -> server.get("/api/v1/me", token));
            System.out.printf("heap retained after GC: %.1f MiB at start, %.1f MiB after 2400 logins and 22000 requests%n",
                    idleHeap / 1048576.0, usedHeapAfterGc() / 1048576.0);

            server.sandbox().faults().badGateway(true);
            Thread.sleep(31_000); // the breaker judges a 30 s window: let the successes above leave it
            run("logins while WeChat answers 502 (breaker closed, failing)", 40, loginsWith(server, "down", 40));
            System.out.println("breaker state: " + server.send(java.net.http.HttpRequest.newBuilder(server.uri("/ready")).GET()).body());
            long callsBefore = server.sandbox().exchangeCalls();
            Stats failFast = run("POST /api/v1/login refused by the open breaker", 2000, loginsWith(server, "open", 2000));
            System.out.printf("upstream calls while open: %d%n", server.sandbox().exchangeCalls() - callsBefore);
            System.out.printf("ratio: open-breaker refusal p50 / normal login p50 = %.2f%n", failFast.p50 / logins.p50);

            server.sandbox().faults().clear();
            long opened = System.nanoTime();
            int attempts = 0;
            while (server.login(server.code("probe" + attempts++)).statusCode() != 200) {
                Thread.sleep(100);
            }
            System.out.printf("recovery: first successful login %.1f s after WeChat recovered (breaker open period 30 s), %d attempts%n",
                    (System.nanoTime() - opened) / 1e9, attempts);
        }
    }

    /** Codes minted beforehand through the sandbox's Java API, so only the login request is timed. */
    private static IntFunction<HttpResponse<String>> loginsWith(TestServer server, String prefix, int count) {
        AppId app = server.sandbox().miniPrograms().getFirst().appId();
        List<String> codes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            codes.add(server.sandbox().wxLogin(app, prefix + (i % 500)).value());
        }
        return i -> server.login(codes.get(i));
    }

    /** Sessions live in the database, so the server's heap should not grow with them. */
    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private record Stats(double perSecond, double p50, double p99) {
    }

    private static Stats run(String name, int requests, IntFunction<HttpResponse<String>> request) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>(requests));
        Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        long start = System.nanoTime();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                work.add(clients.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < requests; ) {
                        long t0 = System.nanoTime();
                        int status = request.apply(i).statusCode();
                        nanos.add(System.nanoTime() - t0);
                        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        Stats stats = new Stats(requests / seconds, sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6);
        System.out.printf("%-75s %6d req %8.0f req/s  p50 %6.2f ms  p99 %7.2f ms  statuses %s%n",
                name, requests, stats.perSecond, stats.p50, stats.p99, statuses);
        return stats;
    }
}
