package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.persistence.Database;
import dev.wxlogin.adapters.rest.InternalApi;
import dev.wxlogin.adapters.rest.RestApi;
import dev.wxlogin.application.PasswordAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.support.AbstractApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A running wxlogin: the Spring context that wires the hexagon, with the sandbox or with WeChat. Closing
 * it stops the HTTP server first (requests in flight finish), then everything else, the database last.
 */
public final class WxLoginServer implements AutoCloseable {
    private static final Logger SECURITY = LoggerFactory.getLogger("wxlogin.security");

    private final AnnotationConfigApplicationContext context;
    private final Settings settings;

    private WxLoginServer(AnnotationConfigApplicationContext context, Settings settings) {
        this.context = context;
        this.settings = settings;
    }

    public static WxLoginServer start(Settings settings) {
        LogLevels.apply(settings.logLevel());
        DatabaseOpening database = new DatabaseOpening(settings);
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(Settings.class, () -> settings);
        context.registerBean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME, MessageSource.class, NoMessages::new);
        // made when the first storage adapter asks for it (lazily: the beans that do not need it come first)
        context.registerBean("database", Database.class, database::await, definition -> {
            definition.setLazyInit(true);
            definition.setDestroyMethodName("close");
        });
        context.register(configurations(settings).toArray(Class<?>[]::new));
        try {
            context.refresh();
        } catch (RuntimeException e) {
            context.close();
            database.close();
            throw configurationProblemIn(e).orElseThrow(() -> e);
        }
        context.getBean(PasswordAccounts.class).prepare(); // now that it answers: off the start's CPU
        WxLoginServer server = new WxLoginServer(context, settings);
        if (settings.sandbox()) {
            SECURITY.warn("The WeChat sandbox is on: http://{}:{}/sandbox/code gives anyone a login code for any"
                    + " simulated user, and no real WeChat user can log in. For production set WXLOGIN_APP_ID,"
                    + " WXLOGIN_APP_SECRET and WXLOGIN_DATA_KEY.", settings.rest().host(), server.port());
        }
        return server;
    }

    /** Spring wraps what a bean method throws; a configuration mistake should reach the user as itself. */
    private static Optional<InvalidConfiguration> configurationProblemIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidConfiguration invalid) {
                return Optional.of(invalid);
            }
        }
        return Optional.empty();
    }

    private static List<Class<?>> configurations(Settings settings) {
        // WeChat's side first: it needs no database, so it is made while the database opens
        List<Class<?>> classes = new ArrayList<>(List.of(
                settings.sandbox() ? SandboxConfiguration.class : RealWeChatConfiguration.class, WeChatConfiguration.class,
                PersistenceConfiguration.class, ApplicationConfiguration.class, CleanupConfiguration.class,
                AccessTokenConfiguration.class, RestConfiguration.class));
        if (settings.internal().isPresent()) {
            classes.add(InternalApiConfiguration.class);
        }
        return classes;
    }

    public int port() {
        return context.getBean(RestApi.class).port();
    }

    /** The internal API's bound port; empty when it does not run (no WXLOGIN_INTERNAL_API_KEYS). */
    public Optional<Integer> internalPort() {
        return component(InternalApi.class).map(InternalApi::port);
    }

    /** The one line printed at start: where, which mode (and AppID), which database, where the internal API is. */
    public String describe() {
        WeChatEndpoint endpoint = context.getBean(WeChatEndpoint.class);
        String internal = settings.internal()
                .map(listener -> ", internal API on http://" + printable(listener.host()) + ":" + internalPort().orElseThrow())
                .orElse("");
        return "wxlogin listening on http://" + printable(settings.rest().host()) + ":" + port() + " (" + endpoint.mode()
                + " mode, " + appIds(endpoint) + ", database " + settings.database().printableUrl() + internal
                + ")";
    }

    private static String appIds(WeChatEndpoint endpoint) {
        List<String> ids = endpoint.miniPrograms().stream().map(app -> app.appId().value()).toList();
        return (ids.size() == 1 ? "AppID " : "AppIDs ") + String.join(", ", ids);
    }

    // An address to connect to: all interfaces include loopback.
    private static String printable(String host) {
        return host.equals("0.0.0.0") ? "127.0.0.1" : host;
    }

    /** A bean of the running server, for tests and embedding: the sandbox, a port, a storage adapter. */
    public <T> Optional<T> component(Class<T> type) {
        return Optional.ofNullable(context.getBeanProvider(type).getIfAvailable());
    }

    @Override
    public void close() {
        context.close();
    }
}
