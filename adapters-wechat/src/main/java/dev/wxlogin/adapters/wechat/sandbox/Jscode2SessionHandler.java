package dev.wxlogin.adapters.wechat.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/** {@code /sns/jscode2session} over HTTP: counts calls, plays the configured faults, else asks the {@link CodeExchange}. */
final class Jscode2SessionHandler implements HttpHandler {
    static final String PATH = "/sns/jscode2session";

    private final CodeExchange codeExchange;
    private final SandboxEndpoint endpoint;
    private final AtomicLong calls = new AtomicLong();

    Jscode2SessionHandler(CodeExchange codeExchange, SandboxEndpoint endpoint) {
        this.codeExchange = codeExchange;
        this.endpoint = endpoint;
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
            endpoint.answer(http, () -> codeExchange.exchange(SandboxEndpoint.query(http.getRequestURI().getRawQuery())));
        }
    }
}
