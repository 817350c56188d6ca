package dev.wxlogin.adapters.wechat.sandbox;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What every API the sandbox serves does around its own answer: plays the configured {@link SandboxFaults}, then
 * sends WeChat's kind of answer (HTTP 200, compact JSON under the configured Content-Type).
 */
final class SandboxEndpoint {
    /** What nginx in front of a failing upstream sends. */
    private static final byte[] BAD_GATEWAY_PAGE = ("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n"
            + "<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")
            .getBytes(StandardCharsets.UTF_8);
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final SandboxFaults faults;
    private final Replies replies;
    private final String contentType;
    private final CountDownLatch closing;

    SandboxEndpoint(SandboxFaults faults, Replies replies, String contentType, CountDownLatch closing) {
        this.faults = faults;
        this.replies = replies;
        this.contentType = contentType;
        this.closing = closing;
    }

    /** Plays the fault due for this call, or sends what {@code answer} makes of it. */
    void answer(HttpExchange http, Supplier<String> answer) throws IOException {
        answer(http, WeChatError.MINUTE_QUOTA_REACHED, answer);
    }

    /** As {@link #answer(HttpExchange, Supplier)}, for an API whose quota, when the fault is on, is {@code quota}. */
    void answer(HttpExchange http, WeChatError quota, Supplier<String> answer) throws IOException {
        try {
            SandboxFaults.Fault fault = faults.next();
            if (closedDuringLatency()) {
                return;
            }
            switch (fault) {
                case HANG -> closing.await(); // and leave without an answer
                case BAD_GATEWAY -> send(http, 502, "text/html", BAD_GATEWAY_PAGE);
                case QUOTA_EXCEEDED -> sendJson(http, replies.error(quota));
                case BUSY -> sendJson(http, replies.error(WeChatError.SYSTEM_ERROR));
                case NONE -> sendJson(http, answer.get());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits out the configured latency; true if the sandbox began closing meanwhile. */
    private boolean closedDuringLatency() throws InterruptedException {
        long latencyNanos = TimeUnit.NANOSECONDS.convert(faults.latency());
        return latencyNanos > 0 && closing.await(latencyNanos, TimeUnit.NANOSECONDS);
    }

    private void sendJson(HttpExchange http, String body) throws IOException {
        send(http, 200, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange http, int status, String contentType, byte[] body) throws IOException {
        http.getResponseHeaders().set("Content-Type", contentType);
        http.sendResponseHeaders(status, body.length);
        http.getResponseBody().write(body);
    }

    /** The request body, at most {@link #MAX_BODY_BYTES} of it: WeChat's JSON requests are tiny. */
    static byte[] body(HttpExchange http) throws IOException {
        try (InputStream in = http.getRequestBody()) {
            return in.readNBytes(MAX_BODY_BYTES);
        }
    }

    /** The first value of each parameter; empty or undecodable values count as missing. */
    static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            try {
                String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                if (!value.isEmpty()) {
                    parameters.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8), value);
                }
            } catch (IllegalArgumentException malformedEscape) {
                // skipped: WeChat would not understand it either
            }
        }
        return parameters;
    }
}
