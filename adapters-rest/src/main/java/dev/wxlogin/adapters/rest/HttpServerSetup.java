package dev.wxlogin.adapters.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** How Javalin's Jetty listens, limits, threads and stops; the routes are {@link RestApi}'s business. */
final class HttpServerSetup {
    private HttpServerSetup() {}

    static void apply(JavalinConfig config, RestSettings settings, ObjectMapper json) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.startup.startupWatcherEnabled = false;
        config.jsonMapper(new JavalinJackson(json, false)); // "false": no streamed JSON, so no piping threads
        config.router.javaLangErrorHandler((response, error) -> ProblemResponses.fatal(response, error, json));
        config.http.prefer405over404 = true;
        config.jetty.threadPool = threadPool();
        config.jetty.modifyHttpConfiguration(http -> {
            http.setRequestHeaderSize(settings.maxRequestHeaderBytes());
            // Jetty caches Authorization values per connection and by default matches them ignoring case, which
            // would turn a case-changed token back into the live token sent earlier on the same connection.
            http.setHeaderCacheCaseSensitive(true);
        });
        config.jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(settings.host());
            connector.setPort(settings.port());
            connector.setIdleTimeout(settings.idleTimeout().toMillis());
            return connector;
        });
        config.jetty.modifyServer(server -> {
            // With a stop timeout, stopping first closes the listener and waits for the GracefulHandler's
            // requests in flight. Meanwhile Jetty closes idle connections and ends busy ones after their answer;
            // a request that still gets in gets 503 (with Retry-After, see ProblemErrorHandler).
            server.setStopTimeout(settings.stopTimeout().toMillis());
            server.insertHandler(new GracefulHandler());
            server.setErrorHandler(new ProblemErrorHandler(json));
        });
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
