package dev.wxlogin.adapters.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wxlogin.domain.error.DomainException;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * What every listener of wxlogin shares ({@link RestApi}'s and {@link InternalApi}'s): how Javalin's Jetty listens,
 * limits, admits, threads and stops, the common headers, the one access log, and every failure as problem+json. The
 * routes are each API's business.
 */
final class HttpServerSetup {
    static final int RESPONSE_COPY_BYTES = 2_048;

    private HttpServerSetup() {}

    /** Listens on {@code host}:{@code port}, with {@code settings}' limits and timeouts. */
    static void apply(JavalinConfig config, String host, int port, RestSettings settings, ObjectMapper json) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.startup.startupWatcherEnabled = false;
        config.jsonMapper(new JavalinJackson(json, false)); // "false": no streamed JSON, so no piping threads
        // Javalin copies each response body to Jetty through a buffer it allocates per response, as large as Jetty's
        // 32 KiB output buffer unless told: most of all the memory a request allocated, for bodies of a few hundred
        // bytes. Jetty still aggregates what is copied into its own pooled buffer.
        config.http.responseBufferSize = RESPONSE_COPY_BYTES;
        config.router.javaLangErrorHandler((response, error) -> ProblemResponses.fatal(response, error, json));
        config.http.prefer405over404 = true;
        config.jetty.threadPool = threadPool();
        config.jetty.modifyHttpConfiguration(http -> {
            http.setRequestHeaderSize(settings.maxRequestHeaderBytes());
            // No per-connection header cache: a trie of about 70 KB per connection (70 MB of the 128 MiB heap at
            // 1,024 connections) to save parsing a few repeated header values. Were it on, it must match values
            // case-sensitively: by default it would turn a case-changed token back into the live token sent earlier
            // on the same connection.
            http.setHeaderCacheSize(0);
            http.setHeaderCacheCaseSensitive(true);
        });
        config.jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(host);
            connector.setPort(port);
            connector.setIdleTimeout(settings.idleTimeout().toMillis());
            return connector;
        });
        config.jetty.modifyServer(server -> {
            // With a stop timeout, stopping first closes the listener and waits for the GracefulHandler's
            // requests in flight. Meanwhile Jetty closes idle connections and ends busy ones after their answer;
            // a request that still gets in gets 503 (with Retry-After, see ProblemErrorHandler).
            server.setStopTimeout(settings.stopTimeout().toMillis());
            server.insertHandler(admission(settings.admission()));
            // Outside the admission, so that stopping also waits for the requests still waiting for their turn.
            server.insertHandler(new GracefulHandler());
            server.setErrorHandler(new ProblemErrorHandler(json));
        });
        config.requestLogger.http(AccessLog::log);
        RoutesConfig routes = config.routes;
        routes.before(ctx -> CommonHeaders.ALL.forEach(ctx::header)); // first, so that every answer has them
        routes.exception(DomainException.class, ProblemResponses::domainFailure);
        routes.exception(ProblemException.class, ProblemResponses::adapterRefusal);
        routes.exception(HttpResponseException.class, ProblemResponses::routingFailure);
        routes.exception(Exception.class, ProblemResponses::unexpected);
    }

    /**
     * GET, and HEAD through the same handler. Javalin would otherwise answer HEAD for a GET route by itself,
     * without running the handler, so an unauthenticated HEAD /api/v1/me would get 200.
     */
    static void readable(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }

    /** Jetty's QoSHandler: waiting requests are suspended, not parked on a thread, and their 503 is ours. */
    private static QoSHandler admission(RequestAdmission admission) {
        QoSHandler handler = new QoSHandler();
        handler.setMaxRequestCount(admission.maxActive());
        handler.setMaxSuspendedRequestCount(admission.maxWaiting());
        handler.setMaxSuspend(admission.maxWait());
        handler.excludePath("/health");
        handler.excludePath("/ready");
        return handler;
    }

    // Jetty keeps accepting and selecting on a few platform threads and runs each request, which blocks on
    // WeChat and the database, on its own virtual thread.
    private static QueuedThreadPool threadPool() {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("wxlogin-http");
        threads.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("wxlogin-request-"));
        return threads;
    }
}
