package dev.wxlogin.adapters.wechat.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** {@code /sns/jscode2session} over HTTP: counts calls, plays the configured faults, else asks the {@link CodeExchange}. */
final class Jscode2SessionHandler implements HttpHandler {
    static final String PATH = "/sns/jscode2session";
    /** What nginx in front of a failing upstream sends. */
    private static final byte[] BAD_GATEWAY_PAGE = ("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n"
            + "<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")
            .getBytes(StandardCharsets.UTF_8);

    private final CodeExchange codeExchange;
    private final SandboxFaults faults;
    private final Replies replies;
    private final String contentType;
    private final CountDownLatch closing;
    private final AtomicLong calls = new AtomicLong();

    Jscode2SessionHandler(CodeExchange codeExchange, SandboxFaults faults, Replies replies, String contentType,
                          CountDownLatch closing) {
        this.codeExchange = codeExchange;
        this.faults = faults;
        this.replies = replies;
        this.contentType = contentType;
        this.closing = closing;
    }

    long calls() {
        return calls.get();
    }

    @Override
    public void handle(HttpExchange http) throws IOException {
        try (http) {
            // A context matches by prefix; WeChat knows only this exact path.
            if (!PATH.equals(http.getRequestURI().getPath())) {
                http.sendResponseHeaders(404, -1);
                return;
            }
            calls.incrementAndGet();
            SandboxFaults.Fault fault = faults.next();
            if (closedDuringLatency()) {
                return;
            }
            switch (fault) {
                case HANG -> closing.await(); // and leave without an answer
                case BAD_GATEWAY -> send(http, 502, "text/html", BAD_GATEWAY_PAGE);
                case QUOTA_EXCEEDED -> sendJson(http, replies.error(WeChatError.MINUTE_QUOTA_REACHED));
                case BUSY -> sendJson(http, replies.error(WeChatError.SYSTEM_ERROR));
                case NONE -> sendJson(http, codeExchange.exchange(query(http.getRequestURI().getRawQuery())));
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

    /** The first value of each parameter; empty or undecodable values count as missing. Also the token API's. */
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
