package dev.wxlogin.adapters.wechat.sandbox;

import com.sun.net.httpserver.HttpServer;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.app.MiniProgram;
import dev.wxlogin.domain.error.InvalidInput;
import dev.wxlogin.domain.login.LoginCode;
import dev.wxlogin.domain.phone.PhoneCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A local fake of WeChat's code2Session, for development and CI: {@link #wxLogin} plays {@code wx.login()} on a
 * phone (and {@link #phoneCode} its getPhoneNumber button), and {@code GET /sns/jscode2session},
 * {@code POST /wxa/business/getuserphonenumber}, {@code GET /wxa/checksession} and
 * {@code GET /wxa/resetusersessionkey} on {@link #baseUrl()} answer as WeChat does (HTTP 200, compact
 * JSON labelled {@code text/plain}, errcodes with a {@code rid}); so do {@code /cgi-bin/token} and
 * {@code /cgi-bin/stable_token} (see {@link SandboxAccessTokens}). Listens on the loopback interface only.
 * Nothing here logs a code, a secret or a session_key.
 */
public final class WeChatSandbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WeChatSandbox.class);
    private static final Pattern SIMULATED_USER = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");
    /**
     * Connections waiting to be accepted: the JDK's default of 50 would make a burst of logins (the client lets a
     * thousand through at once) wait out connect timeouts, which the real WeChat never makes them do.
     */
    private static final int ACCEPT_BACKLOG = 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SandboxSettings settings;
    private final Map<String, SandboxApp> apps;
    private final IssuedCodes codes;
    private final IssuedCodes phoneCodes;
    private final Jscode2SessionHandler jscode2session;
    /** Also the verdicts the APIs that take an access_token ask for. */
    private final SandboxAccessTokens accessTokens;
    private final AccessTokenHandler accessTokenApi;
    private final SessionKeys sessionKeys;
    private final OpenDataMint openData;
    private final GetUserPhoneNumberHandler phoneNumbers;
    private final SessionKeyCheckHandler sessionKeyChecks;
    private final CountDownLatch closing = new CountDownLatch(1);
    private HttpServer server;
    private ExecutorService executor;
    private boolean controlRoutes;

    public WeChatSandbox(SandboxSettings settings) {
        this.settings = settings;
        this.apps = settings.apps().stream()
                .collect(Collectors.toUnmodifiableMap(app -> app.appId().value(), Function.identity()));
        this.codes = new IssuedCodes(settings.clock(), settings.codeTtl());
        Replies replies = new Replies(settings.clock());
        SimulatedIdentities identities = new SimulatedIdentities(settings.openIdSeed());
        this.sessionKeys = new SessionKeys(settings.clock(), settings.sessionKeyRotationPeriod());
        SimulatedPhones phones = new SimulatedPhones();
        this.openData = new OpenDataMint(sessionKeys, identities, phones, settings.clock());
        CodeExchange codeExchange = new CodeExchange(apps, codes, identities, sessionKeys,
                new MinuteQuota(settings.clock(), settings.minuteQuotaPerOpenId()),
                settings.riskyUsers(), replies);
        SandboxEndpoint endpoint = new SandboxEndpoint(settings.faults(), replies, settings.contentType(), closing);
        this.jscode2session = new Jscode2SessionHandler(codeExchange, endpoint);
        this.accessTokens = new SandboxAccessTokens(settings.clock(), settings.accessTokenTtl(),
                settings.accessTokenDailyQuota());
        this.accessTokenApi = new AccessTokenHandler(apps, accessTokens, replies, endpoint);
        TokenGate tokens = new TokenGate(settings.apps().stream().map(app -> app.appId().value()).toList(),
                accessTokens, settings.faults());
        // Phone codes are 64 hex digits, as observed, and live as long as login codes (WeChat: 5 minutes both).
        this.phoneCodes = new IssuedCodes(settings.clock(), settings.codeTtl(),
                WeChatSandbox::newPhoneCode);
        this.phoneNumbers = new GetUserPhoneNumberHandler(phoneCodes, identities, phones, tokens,
                replies, endpoint);
        this.sessionKeyChecks = new SessionKeyCheckHandler(sessionKeys, tokens, replies, endpoint);
    }

    /**
     * Also serve {@code /sandbox/code}, {@code /sandbox/codes}, {@code /sandbox/phone-code} and {@code /sandbox/faults} on the sandbox's own port
     * (see {@link SandboxControlHandler}), for a sandbox that runs as a process of its own. Call before {@link #start()}.
     */
    public synchronized WeChatSandbox withControlRoutes() {
        controlRoutes = true;
        return this;
    }

    /** Binds the port and starts answering; a sandbox starts once. */
    public synchronized WeChatSandbox start() {
        if (server != null || closing.getCount() == 0) {
            throw new IllegalStateException("a sandbox starts only once");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()),
                    ACCEPT_BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("the WeChat sandbox cannot listen on port " + settings.port(), e);
        }
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext(Jscode2SessionHandler.PATH, jscode2session);
        server.createContext(AccessTokenHandler.CLASSIC_PATH, accessTokenApi);
        server.createContext(AccessTokenHandler.STABLE_PATH, accessTokenApi);
        server.createContext(GetUserPhoneNumberHandler.PATH, phoneNumbers);
        server.createContext(SessionKeyCheckHandler.CHECK_PATH, sessionKeyChecks);
        server.createContext(SessionKeyCheckHandler.RESET_PATH, sessionKeyChecks);
        if (controlRoutes) {
            server.createContext(SandboxControlHandler.PATH, new SandboxControlHandler(
                    (app, user) -> wxLogin(app, user).value(), (app, user) -> phoneCode(app, user).value(),
                    this::openData, settings.faults()));
        }
        server.start();
        LOG.info("WeChat sandbox listening on {} for AppIDs {}", baseUrl(), apps.keySet());
        return this;
    }

    /** Where to send jscode2session calls, e.g. {@code http://127.0.0.1:54321}. */
    public synchronized URI baseUrl() {
        if (server == null) {
            throw new IllegalStateException("the sandbox has not been started");
        }
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
    }

    /** The credentials of the sandbox's apps, for configuring a client. */
    public List<MiniProgram> miniPrograms() {
        return settings.apps().stream().map(SandboxApp::miniProgram).toList();
    }

    /** {@link #wxLogin(AppId, String)} for the app a request names, or for the sandbox's first app when it names none. */
    public LoginCode wxLogin(Optional<AppId> appId, String simulatedUser) {
        return wxLogin(appId.orElseGet(() -> settings.apps().getFirst().appId()), simulatedUser);
    }

    /**
     * A new login code for a simulated user, as {@code wx.login()} gives a phone. The same user always has
     * the same openid in an app, and the same unionid in every app bound to the Open Platform.
     *
     * @param simulatedUser 1 to 64 letters, digits, '_', '-', '.' or '@': the one rule for simulated user names,
     *                      wherever they come from (the server's {@code POST /sandbox/code} included)
     * @throws InvalidInput for an AppID the sandbox does not know, or a malformed user name
     */
    public LoginCode wxLogin(AppId appId, String simulatedUser) {
        app(appId);
        return new LoginCode(codes.issue(appId, simulatedUser(simulatedUser)));
    }

    /** {@link #phoneCode(AppId, String)} for the app a request names, or for the sandbox's first app. */
    public PhoneCode phoneCode(Optional<AppId> appId, String simulatedUser) {
        return phoneCode(appId.orElseGet(() -> settings.apps().getFirst().appId()), simulatedUser);
    }

    /**
     * A new code of the getPhoneNumber button ({@code e.detail.code}) for a simulated user: single-use, for this
     * app and user only. The same user always has the same phone number.
     *
     * @throws InvalidInput for an AppID the sandbox does not know, or a malformed user name (see {@link #wxLogin})
     */
    public PhoneCode phoneCode(AppId appId, String simulatedUser) {
        app(appId);
        return new PhoneCode(phoneCodes.issue(appId, simulatedUser(simulatedUser)));
    }

    private static String newPhoneCode() {
        byte[] code = new byte[32];
        RANDOM.nextBytes(code);
        return HexFormat.of().formatHex(code);
    }

    private SandboxApp app(AppId appId) {
        SandboxApp app = apps.get(appId.value());
        if (app == null) {
            throw new InvalidInput("The WeChat sandbox knows no AppID " + appId);
        }
        return app;
    }

    private static String simulatedUser(String name) {
        if (name == null || !SIMULATED_USER.matcher(name).matches()) {
            throw new InvalidInput("A simulated user name must be 1 to 64 letters, digits, '_', '-', '.' or '@'");
        }
        return name;
    }

    /**
     * The open data WeChat hands a phone for a simulated user who has logged in: {@code encryptedData} and {@code iv},
     * plus {@code rawData} and {@code signature} for user info, under the user's current session_key, watermarked
     * with the app (the sandbox's first app when none is named).
     *
     * @param kind {@code phone}, {@code userinfo}, {@code werun} or {@code share}
     * @throws InvalidInput for an unknown AppID or kind, a malformed user name, or a user with no session_key yet
     */
    public Map<String, Object> openData(Optional<AppId> appId, String simulatedUser, String kind) {
        SandboxApp app = app(appId.orElseGet(() -> settings.apps().getFirst().appId()));
        return openData.mint(app, simulatedUser(simulatedUser), kind);
    }

    /**
     * Whether {@code sessionKey} is the current one of the user with {@code openId}, as {@code /wxa/checksession}
     * answers: false once a later exchange rotated it.
     */
    public boolean isCurrentSessionKey(String openId, String sessionKey) {
        return sessionKeys.current(openId).filter(sessionKey::equals).isPresent();
    }

    /** The misbehaviour to show, changeable while the sandbox runs. */
    public SandboxFaults faults() {
        return settings.faults();
    }

    /** How many jscode2session calls arrived since the start, faulty answers included. */
    public long exchangeCalls() {
        return jscode2session.calls();
    }

    /** How many access_token fetches (/cgi-bin/token and /cgi-bin/stable_token) arrived since the start, faulty answers included. */
    public long accessTokenFetches() {
        return accessTokenApi.calls();
    }

    /** For the sandbox's APIs that take an access_token: whether WeChat would accept one, and if not, its errcode. */
    AccessTokenVerdicts accessTokenVerdicts() {
        return accessTokens;
    }

    /** Whether an API given {@code accessToken} for {@code appId} would accept it now (not unknown, superseded or expired). */
    public boolean acceptsAccessToken(AppId appId, String accessToken) {
        return accessTokens.refusal(appId.value(), accessToken).isEmpty();
    }

    /** How many getuserphonenumber calls arrived since the start, faulty answers included. */
    public long phoneNumberCalls() {
        return phoneNumbers.calls();
    }

    /** Stops listening; hanging and delayed calls end unanswered. */
    @Override
    public synchronized void close() {
        boolean open = closing.getCount() > 0;
        closing.countDown();
        if (open && server != null) {
            server.stop(0);
            executor.close();
        }
    }
}
