package dev.wxlogin.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.wxlogin.adapters.persistence.Database;
import dev.wxlogin.adapters.rest.InternalSettings;
import dev.wxlogin.adapters.rest.RequestAdmission;
import dev.wxlogin.adapters.wechat.AccessTokenEndpoint;
import dev.wxlogin.adapters.wechat.sandbox.SandboxApp;
import dev.wxlogin.adapters.wechat.sandbox.SandboxSettings;
import dev.wxlogin.adapters.wechat.sandbox.WeChatSandbox;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.app.AppSecret;
import dev.wxlogin.domain.app.MiniProgram;
import dev.wxlogin.adapters.rest.RateLimits;
import dev.wxlogin.domain.password.FailureLimits;
import dev.wxlogin.domain.session.DevicePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The WXLOGIN_* settings: defaults, modes, and refusals that name the key and never echo a secret. */
@Isolated // it reads the security events of the JVM, which every other server starting meanwhile logs to
class SettingsTest {
    private static final String INTERNAL_KEY = "internal-key-0123456789abcdef-0123";

    private static Settings settings(String... keysAndValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Settings.from(new ConfigurationSource(map));
    }

    @Test
    void nothingConfiguredGivesALocalSandboxServer() {
        Settings settings = settings();

        assertThat(settings.rest().host()).isEqualTo("127.0.0.1");
        assertThat(settings.rest().port()).isEqualTo(8080);
        assertThat(settings.rest().apps()).containsExactly(SandboxSettings.DEFAULT_APP.appId());
        assertThat(settings.sandbox()).isTrue();
        assertThat(settings.wechat().sandboxAskedFor()).isFalse();
        assertThat(settings.wechat().api().miniPrograms()).isEmpty();
        assertThat(settings.wechat().api().baseUrl()).isEqualTo(URI.create("https://api.weixin.qq.com"));
        assertThat(settings.sessions().idle()).isEqualTo(Duration.ofHours(2));
        assertThat(settings.sessions().max()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.sessions().devices()).isEqualTo(DevicePolicy.MULTIPLE);
        assertThat(settings.sessions().maxPerUser()).isEqualTo(5);
        assertThat(settings.sessions().touchInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.dataDir()).isEqualTo(Path.of("data"));
        assertThat(settings.database().jdbcUrl()).isEqualTo(Database.h2FileUrl(Path.of("data")));
        assertThat(settings.databaseInDataDir()).isTrue();
        assertThat(settings.database().maxPoolSize()).isEqualTo(10);
        assertThat(settings.dataKeys().current()).isEmpty();
        assertThat(settings.rest().trustedProxies()).isEmpty();
        assertThat(settings.rest().rateLimits().perIpPerMinute()).isEqualTo(60);
        assertThat(settings.rest().rateLimits().globalPerSecond()).isEqualTo(500);
        assertThat(settings.rest().admission()).isEqualTo(new RequestAdmission(256, 4096, Duration.ofSeconds(10)));
        assertThat(settings.cleanup().interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.cleanup().batchSize()).isEqualTo(500);
        assertThat(settings.passwords().failureLimits())
                .isEqualTo(new FailureLimits(5, 20, Duration.ofMinutes(1), Duration.ofMinutes(15)));
        SandboxSettings sandbox = settings.wechat().sandbox().orElseThrow();
        assertThat(sandbox.apps()).containsExactly(SandboxSettings.DEFAULT_APP);
        assertThat(sandbox.riskyUsers()).containsExactly("risky");
        assertThat(sandbox.contentType()).isEqualTo("text/plain");
    }

    @Test
    void anAppIdWithItsSecretTalksToWeChatUnlessTheSandboxIsAskedFor() {
        Settings wechat = settings("WXLOGIN_APP_ID", "wx1234567890abcdef", "WXLOGIN_APP_SECRET", "s3cret",
                "WXLOGIN_DATA_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        assertThat(wechat.sandbox()).isFalse();
        assertThat(wechat.wechat().api().miniPrograms()).singleElement()
                .satisfies(app -> assertThat(app.appId().value()).isEqualTo("wx1234567890abcdef"));
        assertThat(wechat.rest().apps()).containsExactly(new AppId("wx1234567890abcdef"));

        Settings playing = settings("WXLOGIN_APP_ID", "wx1234567890abcdef", "WXLOGIN_APP_SECRET", "s3cret",
                "WXLOGIN_SANDBOX", "yes");
        assertThat(playing.sandbox()).isTrue();
        assertThat(playing.wechat().sandbox().orElseThrow().apps()).singleElement()
                .satisfies(app -> assertThat(app.appId().value()).isEqualTo("wx1234567890abcdef"));
        assertThat(playing.rest().apps()).containsExactly(new AppId("wx1234567890abcdef"));
    }

    @Test
    void weChatModeWithoutADataKeyIsRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> settings("WXLOGIN_APP_ID", "wx1234567890abcdef", "WXLOGIN_APP_SECRET", "s3cret"))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining("WXLOGIN_DATA_KEY")
                .hasMessageContaining("openssl rand -base64 32")
                .hasMessageNotContaining("s3cret");
    }

    /**
     * Issue 7.1: an AppID a secret store failed to fill must not mean "no AppID, so the sandbox". Nor may any other
     * variable whose empty value has no meaning fall back to its default.
     */
    @ParameterizedTest(name = "{0}=\"{1}\"")
    @CsvSource(quoteCharacter = '\'', value = {
            "WXLOGIN_APP_ID, ''", "WXLOGIN_APP_ID, '  '", "WXLOGIN_APP_SECRET, ''", "WXLOGIN_DATA_KEY, ''",
            "WXLOGIN_WECHAT_URL, ''", "WXLOGIN_SANDBOX, ''", "WXLOGIN_HOST, ''", "WXLOGIN_PORT, ' '",
            "WXLOGIN_DATA_DIR, ''", "WXLOGIN_DB_URL, ''", "WXLOGIN_DB_POOL_SIZE, ''", "WXLOGIN_LOG_LEVEL, ''",
            "WXLOGIN_SESSION_IDLE, ''", "WXLOGIN_SESSION_MAX, ''", "WXLOGIN_SESSION_POLICY, ''",
            "WXLOGIN_SESSION_MAX_PER_USER, ''", "WXLOGIN_RATE_LOGIN_PER_IP, ''", "WXLOGIN_RATE_LOGIN_GLOBAL, ''",
            "WXLOGIN_CLEANUP_INTERVAL, ''", "WXLOGIN_CLEANUP_BATCH, ''", "WXLOGIN_SANDBOX_PORT, ''",
            "WXLOGIN_SANDBOX_BUSY_RATE, ''", "WXLOGIN_SANDBOX_LATENCY, ''", "WXLOGIN_SANDBOX_CONTENT_TYPE, ''",
            "WXLOGIN_MAX_ACTIVE_REQUESTS, ''", "WXLOGIN_MAX_WAITING_REQUESTS, ''", "WXLOGIN_MAX_REQUEST_WAIT, ''",
    })
    void aVariableThatIsSetButEmptyIsRefusedNamingIt(String key, String blank) {
        Map<String, String> config = new HashMap<>(Map.of(
                "WXLOGIN_APP_ID", "wx1234567890abcdef", "WXLOGIN_APP_SECRET", "s3cret", "WXLOGIN_SANDBOX", "true"));
        config.put(key, blank);

        assertThatThrownBy(() -> Settings.from(new ConfigurationSource(config)))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageContainingAll(key, "set but empty")
                .message().doesNotContain("s3cret");
    }

    @Test
    void howManyRequestsAreWorkedOnAtOnceAndHowLongOthersWaitAreTunable() {
        Settings tuned = settings("WXLOGIN_MAX_ACTIVE_REQUESTS", "64", "WXLOGIN_MAX_WAITING_REQUESTS", "0",
                "WXLOGIN_MAX_REQUEST_WAIT", "PT2S");
        assertThat(tuned.rest().admission()).isEqualTo(new RequestAdmission(64, 0, Duration.ofSeconds(2)));

        assertThatThrownBy(() -> settings("WXLOGIN_MAX_ACTIVE_REQUESTS", "0"))
                .isInstanceOf(InvalidConfiguration.class).hasMessageContaining("WXLOGIN_MAX_ACTIVE_REQUESTS");
        assertThatThrownBy(() -> settings("WXLOGIN_MAX_REQUEST_WAIT", "PT0S"))
                .isInstanceOf(InvalidConfiguration.class).hasMessageContaining("WXLOGIN_MAX_REQUEST_WAIT");
    }

    /** The secret-store failure of issue 7.1: every credential empty is refused, not a sandbox. */
    @Test
    void emptyCredentialsAreRefusedRatherThanStartingTheSandbox() {
        assertThatThrownBy(() -> settings("WXLOGIN_APP_ID", "", "WXLOGIN_APP_SECRET", "", "WXLOGIN_DATA_KEY", ""))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining("WXLOGIN_APP_ID is set but empty");
    }

    /** Where empty has a meaning: no password, no proxies, no retired keys, no risky users, no standing faults. */
    @Test
    void aFewVariablesMayBeEmptyAndThenMeanNone() {
        Settings settings = settings("WXLOGIN_DB_USER", "", "WXLOGIN_DB_PASSWORD", "", "WXLOGIN_TRUSTED_PROXIES", "",
                "WXLOGIN_DATA_KEYS_RETIRED", " ", "WXLOGIN_SANDBOX_RISKY_USERS", "", "WXLOGIN_SANDBOX_FAULTS", "");

        assertThat(settings.database().user()).isEmpty();
        assertThat(settings.database().password()).isEmpty();
        assertThat(settings.rest().trustedProxies()).isEmpty();
        assertThat(settings.dataKeys().retired()).isEmpty();
        assertThat(settings.wechat().sandbox().orElseThrow().riskyUsers()).isEmpty();
    }

    /** Issue 7.1: the sandbox's /sandbox/code logs anyone in; without an AppID that is only the default on loopback. */
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "localhost", "LocalHost", "::1", "[::1]", "0:0:0:0:0:0:0:1"})
    void theSandboxIsTheDefaultOnALoopbackHost(String host) {
        assertThat(settings("WXLOGIN_HOST", host).sandbox()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "192.168.1.20", "10.0.0.1", "2001:db8::1", "wxlogin.example.com",
            "127.0.0.1.example.com", "128.0.0.1", "127.0.0.256"})
    void onAnyOtherHostTheSandboxNeedsToBeAskedFor(String host) {
        assertThatThrownBy(() -> settings("WXLOGIN_HOST", host))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageContainingAll("WXLOGIN_HOST=" + host, "/sandbox/code", "WXLOGIN_SANDBOX=true", "WXLOGIN_APP_ID");

        Settings askedFor = settings("WXLOGIN_HOST", host, "WXLOGIN_SANDBOX", "true");
        assertThat(askedFor.sandbox()).isTrue();
        assertThat(askedFor.wechat().sandboxAskedFor()).isTrue();
        assertThat(askedFor.rest().host()).isEqualTo(host);
    }

    @Test
    void whenTheSandboxRunsTheStartUpLineAndAWarningSaySo(@TempDir Path dir) {
        try (Warnings warnings = new Warnings(); TestServer server = TestServer.start(dir)) {
            assertThat(server.server().describe()).contains("(sandbox mode, AppID wxsandbox00000001");
            assertThat(warnings.lines()).anySatisfy(line -> assertThat(line)
                    .contains("http://127.0.0.1:" + server.server().port() + "/sandbox/code")
                    .contains("no real WeChat user can log in"));
        }
    }

    @Test
    void talkingToWeChatThereIsNoSandboxWarning(@TempDir Path dir) {
        try (WeChatSandbox wechat = new WeChatSandbox(SandboxSettings.builder().build()).start();
             Warnings warnings = new Warnings();
             TestServer server = TestServer.start(dir, Map.of(
                     "WXLOGIN_APP_ID", SandboxSettings.DEFAULT_APP.appId().value(),
                     "WXLOGIN_APP_SECRET", SandboxSettings.DEFAULT_APP.secret().value(),
                     "WXLOGIN_SANDBOX", "false",
                     "WXLOGIN_WECHAT_URL", wechat.baseUrl().toString(),
                     "WXLOGIN_DATA_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="))) {
            assertThat(server.server().describe()).contains("(WeChat mode");
            assertThat(warnings.lines()).noneMatch(line -> line.contains("sandbox"));
        }
    }

    /** WARN lines of the wxlogin.security logger while open. */
    private static final class Warnings implements AutoCloseable {
        private final Logger logger = (Logger) LoggerFactory.getLogger("wxlogin.security");
        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

        Warnings() {
            appender.start();
            logger.addAppender(appender);
        }

        List<String> lines() {
            return appender.list.stream().filter(event -> event.getLevel() == Level.WARN)
                    .map(ILoggingEvent::getFormattedMessage).toList();
        }

        @Override
        public void close() {
            logger.detachAppender(appender);
        }
    }

    @Test
    void onAnyHostWeChatNeedsNoSandboxSwitch() {
        Settings settings = settings("WXLOGIN_HOST", "0.0.0.0", "WXLOGIN_APP_ID", "wx1234567890abcdef",
                "WXLOGIN_APP_SECRET", "s3cret", "WXLOGIN_DATA_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");

        assertThat(settings.sandbox()).isFalse();
    }

    @Test
    void valuesAreParsed(@TempDir Path dir) {
        Settings settings = settings(
                "WXLOGIN_PORT", " 9090 ",
                "WXLOGIN_WECHAT_URL", "https://proxy.internal:8081/",
                "WXLOGIN_SESSION_IDLE", "PT30M",
                "WXLOGIN_SESSION_MAX", "PT12H",
                "WXLOGIN_SESSION_POLICY", "SINGLE",
                "WXLOGIN_TRUSTED_PROXIES", "10.0.0.1, 10.0.0.2,,",
                "WXLOGIN_RATE_LOGIN_PER_IP", "0",
                "WXLOGIN_DATA_DIR", dir.toString(),
                "WXLOGIN_DB_URL", "jdbc:h2:mem:wx",
                "WXLOGIN_DB_USER", "wx",
                "WXLOGIN_DB_POOL_SIZE", "3",
                "WXLOGIN_DATA_KEYS_RETIRED", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "WXLOGIN_CLEANUP_INTERVAL", "PT5M",
                "WXLOGIN_SANDBOX_PORT", "9999",
                "WXLOGIN_SANDBOX_RISKY_USERS", "mallory, eve",
                "WXLOGIN_SANDBOX_CONTENT_TYPE", "application/json",
                "WXLOGIN_SANDBOX_BUSY_RATE", "0.25");

        assertThat(settings.rest().port()).isEqualTo(9090);
        assertThat(settings.rest().trustedProxies()).containsExactly("10.0.0.1", "10.0.0.2");
        assertThat(settings.rest().rateLimits().perIpPerMinute()).isZero();
        assertThat(settings.wechat().api().baseUrl()).isEqualTo(URI.create("https://proxy.internal:8081"));
        assertThat(settings.sessions().idle()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.sessions().max()).isEqualTo(Duration.ofHours(12));
        assertThat(settings.sessions().devices()).isEqualTo(DevicePolicy.SINGLE);
        assertThat(settings.dataDir()).isEqualTo(dir);
        assertThat(settings.database().jdbcUrl()).isEqualTo("jdbc:h2:mem:wx");
        assertThat(settings.databaseInDataDir()).isFalse();
        assertThat(settings.database().user()).isEqualTo("wx");
        assertThat(settings.database().maxPoolSize()).isEqualTo(3);
        assertThat(settings.dataKeys().retired()).singleElement().satisfies(key -> assertThat(key).hasSize(32));
        assertThat(settings.cleanup().interval()).isEqualTo(Duration.ofMinutes(5));
        SandboxSettings sandbox = settings.wechat().sandbox().orElseThrow();
        assertThat(sandbox.port()).isEqualTo(9999);
        assertThat(sandbox.riskyUsers()).containsExactlyInAnyOrder("mallory", "eve");
        assertThat(sandbox.contentType()).isEqualTo("application/json");
    }

    @Test
    void failedPasswordLoginLimitsCanBeChangedOrTurnedOff() {
        Settings settings = settings("WXLOGIN_PASSWORD_FAILURES_PER_USERNAME", "0", "WXLOGIN_PASSWORD_FAILURES_PER_CLIENT",
                "100", "WXLOGIN_PASSWORD_LOCK", "PT30S", "WXLOGIN_PASSWORD_LOCK_MAX", "PT1H");

        assertThat(settings.passwords().failureLimits())
                .isEqualTo(new FailureLimits(0, 100, Duration.ofSeconds(30), Duration.ofHours(1)));
    }

    @Test
    void aShortIdleTimeoutGetsATouchIntervalShorterThanItself() {
        assertThat(settings("WXLOGIN_SESSION_IDLE", "PT2S").sessions().touchInterval())
                .isEqualTo(Duration.ofMillis(200));
        assertThat(settings("WXLOGIN_SESSION_IDLE", "PT5M").sessions().touchInterval())
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void talkingToWeChatNeedsBothAppIdAndSecret() {
        assertThatThrownBy(() -> settings("WXLOGIN_SANDBOX", "false"))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageContainingAll("WXLOGIN_APP_ID", "WXLOGIN_APP_SECRET");
        assertThatThrownBy(() -> settings("WXLOGIN_APP_ID", "wx1234567890abcdef"))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining("WXLOGIN_APP_SECRET");
        assertThatThrownBy(() -> settings("WXLOGIN_APP_SECRET", "s3cret"))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining("WXLOGIN_APP_ID")
                .message().doesNotContain("s3cret");
    }

    /** Each beside an AppID, a secret and the sandbox flag that are fine on their own. */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "WXLOGIN_PORT, 70000",
            "WXLOGIN_PORT, -1",
            "WXLOGIN_PORT, http",
            "WXLOGIN_SESSION_IDLE, 2h",
            "WXLOGIN_SESSION_IDLE, PT0S",
            "WXLOGIN_SESSION_MAX, -P7D",
            "WXLOGIN_SESSION_POLICY, both",
            "WXLOGIN_SESSION_MAX_PER_USER, 0",
            "WXLOGIN_SANDBOX, maybe",
            "WXLOGIN_SANDBOX_BUSY_RATE, 1.5",
            "WXLOGIN_SANDBOX_BUSY_RATE, NaN",
            "WXLOGIN_SANDBOX_BUSY_RATE, lots",
            "WXLOGIN_SANDBOX_LATENCY, 500ms",
            "WXLOGIN_WECHAT_URL, ftp://api.weixin.qq.com",
            "WXLOGIN_WECHAT_URL, not a url",
            "WXLOGIN_DB_POOL_SIZE, 0",
            "WXLOGIN_CLEANUP_INTERVAL, 60",
            "WXLOGIN_CLEANUP_BATCH, 0",
            "WXLOGIN_PASSWORD_FAILURES_PER_USERNAME, -1",
            "WXLOGIN_PASSWORD_FAILURES_PER_CLIENT, many",
            "WXLOGIN_PASSWORD_LOCK, PT0S",
            "WXLOGIN_PASSWORD_LOCK_MAX, PT1S",
            "WXLOGIN_APP_ID, wx-not_valid!",
            "WXLOGIN_TRUSTED_PROXIES, proxy.internal",
            "WXLOGIN_DATA_KEY, c2hvcnQ=",
            "WXLOGIN_LOG_LEVEL, LOUD",
            "WXLOGIN_SANDBOX_FAULTS, explode",
            "WXLOGIN_ACCESS_TOKEN_API, refreshing",
            "WXLOGIN_SANDBOX_TOKEN_TTL, PT3S",
            "WXLOGIN_SANDBOX_TOKEN_TTL, 7200",
            "WXLOGIN_SANDBOX_TOKEN_DAILY_QUOTA, 0",
    })
    void aBadValueIsRefusedNamingTheKey(String key, String value) {
        Map<String, String> config = new HashMap<>(Map.of(
                "WXLOGIN_APP_ID", "wx1234567890abcdef", "WXLOGIN_APP_SECRET", "s3cret", "WXLOGIN_SANDBOX", "true"));
        config.put(key, value);

        assertThatThrownBy(() -> Settings.from(new ConfigurationSource(config)))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining(key)
                .message().doesNotContain("s3cret");
    }

    @Test
    void aMalformedSecretIsRefusedWithoutEchoingIt() {
        String secret = "my app secret with spaces";

        assertThatThrownBy(() -> settings("WXLOGIN_APP_ID", "wx1234567890abcdef", "WXLOGIN_APP_SECRET", secret))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining("WXLOGIN_APP_SECRET")
                .message().doesNotContain(secret).doesNotContain("spaces");
    }

    @Test
    void theDefaultDatabaseIsPrintedAsItsFile() {
        assertThat(settings("WXLOGIN_DATA_DIR", "/srv/wx").database().printableUrl()).isEqualTo("jdbc:h2:file:/srv/wx/wxlogin");
    }

    // --- WXLOGIN_CONFIG: only System.getenv() reads it, so these run WxLogin's main in a child JVM.

    @Test
    void theFileNamedByWxloginConfigIsRead(@TempDir Path dir) throws Exception {
        Path file = write(dir.resolve("wx.properties"), "WXLOGIN_PORT=notaport");

        Run run = wxlogin(dir, Map.of("WXLOGIN_CONFIG", file.toString()));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("WXLOGIN_PORT").doesNotContain("notaport");
    }

    @Test
    void theLogLevelIsRead() {
        assertThat(settings("WXLOGIN_LOG_LEVEL", "debug").logLevel()).isEqualTo("DEBUG");
        assertThat(settings().logLevel()).isEqualTo("INFO");
    }

    /** The faults object in the settings is the one the sandbox they start answers by. */
    @Test
    void standingSandboxFaultsAreWhatTheStartedSandboxShows() throws Exception {
        Settings settings = settings("WXLOGIN_SANDBOX_FAULTS", "Quota_Exceeded");

        try (WeChatSandbox sandbox = new WeChatSandbox(settings.wechat().sandbox().orElseThrow()).start();
             HttpClient http = HttpClient.newHttpClient()) {
            AppId app = SandboxSettings.DEFAULT_APP.appId();
            URI exchange = URI.create(sandbox.baseUrl() + "/sns/jscode2session?appid=" + app + "&secret="
                    + SandboxSettings.DEFAULT_APP.secret().value() + "&js_code=" + sandbox.wxLogin(app, "alice").value()
                    + "&grant_type=authorization_code");
            String answer = http.send(HttpRequest.newBuilder(exchange).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(answer).contains("45011");
        }
    }

    @Test
    void theEnvironmentWinsOverTheFile(@TempDir Path dir) throws Exception {
        Path file = write(dir.resolve("wx.properties"), "WXLOGIN_PORT=notaport\nWXLOGIN_CLEANUP_BATCH=0");

        // The file's port is overridden; its cleanup batch, read after the port, is what is left to complain about.
        Run run = wxlogin(dir, Map.of("WXLOGIN_CONFIG", file.toString(), "WXLOGIN_PORT", "0"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("WXLOGIN_CLEANUP_BATCH").doesNotContain("WXLOGIN_PORT");
    }

    @Test
    void withoutWxloginConfigTheWorkingDirectorysWxloginPropertiesIsRead(@TempDir Path dir) throws Exception {
        write(dir.resolve("wxlogin.properties"), "WXLOGIN_SESSION_POLICY=sometimes");

        Run run = wxlogin(dir, Map.of());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("WXLOGIN_SESSION_POLICY");
    }

    /** The file is held to the same rule as the environment: an empty AppID there is no sandbox either. */
    @Test
    void anEmptyValueInTheFileIsRefusedToo(@TempDir Path dir) throws Exception {
        Path file = write(dir.resolve("wx.properties"), "WXLOGIN_APP_ID=\nWXLOGIN_APP_SECRET=s3cret");

        Run run = wxlogin(dir, Map.of("WXLOGIN_CONFIG", file.toString()));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("WXLOGIN_APP_ID is set but empty").doesNotContain("s3cret");
    }

    @Test
    void anEmptyWxloginConfigIsRefusedNamingIt(@TempDir Path dir) throws Exception {
        Run run = wxlogin(dir, Map.of("WXLOGIN_CONFIG", ""));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("WXLOGIN_CONFIG is set but empty");
    }

    @Test
    void aMissingConfigFileIsRefused(@TempDir Path dir) throws Exception {
        Run run = wxlogin(dir, Map.of("WXLOGIN_CONFIG", dir.resolve("missing.properties").toString()));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("cannot read the configuration file");
    }

    private record Run(int exitCode, String stderr) {}

    private static Run wxlogin(Path workingDir, Map<String, String> env) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path stderr = workingDir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                WxLogin.class.getName())
                .directory(workingDir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("WXLOGIN_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("wxlogin exited").isTrue();
            return new Run(process.exitValue(), Files.readString(stderr));
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void theApiRateLimitAndTheIpv6PrefixAreRead() {
        assertThat(settings().rest().rateLimits()).isEqualTo(RateLimits.DEFAULT);
        RateLimits tuned = settings("WXLOGIN_RATE_API_PER_IP", "120", "WXLOGIN_RATE_IPV6_PREFIX", "56").rest().rateLimits();

        assertThat(tuned.apiPerIpPerMinute()).isEqualTo(120);
        assertThat(tuned.ipv6PrefixLength()).isEqualTo(56);
        assertThatThrownBy(() -> settings("WXLOGIN_RATE_IPV6_PREFIX", "24")).isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining("WXLOGIN_RATE_IPV6_PREFIX");
    }

    @Test
    void withoutKeysThereIsNoInternalApi() {
        assertThat(settings().internal()).isEmpty();
        assertThat(settings("WXLOGIN_INTERNAL_PORT", "9091", "WXLOGIN_INTERNAL_HOST", "10.0.0.5").internal()).isEmpty();
    }

    @Test
    void withKeysTheInternalApiListensOnLoopback8081ByDefaultForTheServersApps() {
        InternalSettings internal = settings("WXLOGIN_INTERNAL_API_KEYS", INTERNAL_KEY).internal().orElseThrow();

        assertThat(internal.host()).isEqualTo("127.0.0.1");
        assertThat(internal.port()).isEqualTo(8081);
        assertThat(internal.apiKeys()).containsExactly(INTERNAL_KEY);
        assertThat(internal.apps()).containsExactly(SandboxSettings.DEFAULT_APP.appId());
    }

    @Test
    void theInternalApisVariablesAreRead() {
        String next = "n".repeat(32);
        InternalSettings internal = settings("WXLOGIN_INTERNAL_API_KEYS", " " + INTERNAL_KEY + " ,, " + next + ",",
                "WXLOGIN_INTERNAL_HOST", "10.0.0.5", "WXLOGIN_INTERNAL_PORT", "9091",
                "WXLOGIN_APP_ID", "wx1234567890abcdef", "WXLOGIN_APP_SECRET", "s3cret",
                "WXLOGIN_DATA_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=").internal().orElseThrow();

        assertThat(internal.host()).isEqualTo("10.0.0.5");
        assertThat(internal.port()).isEqualTo(9091);
        assertThat(internal.apiKeys()).containsExactly(INTERNAL_KEY, next);
        assertThat(internal.apps()).containsExactly(new AppId("wx1234567890abcdef"));
    }

    /** A short key refuses to start, naming the variable and the rule, never echoing a key. */
    @ParameterizedTest
    @ValueSource(strings = {"short-internal-key", "x", "0123456789abcdef0123456789abcde"})
    void aShortInternalKeyRefusesToStartWithoutEchoingAnyKey(String shortKey) {
        assertThatThrownBy(() -> settings("WXLOGIN_INTERNAL_API_KEYS", INTERNAL_KEY + "," + shortKey))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageContainingAll("WXLOGIN_INTERNAL_API_KEYS", "at least 32 characters")
                .message().doesNotContain(shortKey).doesNotContain(INTERNAL_KEY);
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '\'', value = {"WXLOGIN_INTERNAL_API_KEYS, ''", "WXLOGIN_INTERNAL_API_KEYS, ' , '",
            "WXLOGIN_INTERNAL_PORT, 70000", "WXLOGIN_INTERNAL_PORT, http", "WXLOGIN_INTERNAL_HOST, ''"})
    void aBadInternalValueIsRefusedNamingTheKey(String key, String value) {
        Map<String, String> config = new HashMap<>(Map.of("WXLOGIN_INTERNAL_API_KEYS", INTERNAL_KEY));
        config.put(key, value);

        assertThatThrownBy(() -> Settings.from(new ConfigurationSource(config)))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining(key)
                .message().doesNotContain(INTERNAL_KEY);
    }

    @Test
    void theAccessTokenApiIsStableTokenUnlessClassicIsAskedFor() {
        assertThat(settings().wechat().accessTokenApi()).isEqualTo(AccessTokenEndpoint.STABLE);
        assertThat(settings("WXLOGIN_ACCESS_TOKEN_API", "Classic").wechat().accessTokenApi())
                .isEqualTo(AccessTokenEndpoint.CLASSIC);
        assertThat(settings("WXLOGIN_ACCESS_TOKEN_API", "stable").wechat().accessTokenApi())
                .isEqualTo(AccessTokenEndpoint.STABLE);
    }

    @Test
    void theSandboxsTokensLiveTwoHoursUnlessToldOtherwise() {
        SandboxSettings defaults = settings().wechat().sandbox().orElseThrow();
        SandboxSettings tuned = settings("WXLOGIN_SANDBOX_TOKEN_TTL", "PT20S", "WXLOGIN_SANDBOX_TOKEN_DAILY_QUOTA", "50")
                .wechat().sandbox().orElseThrow();

        assertThat(defaults.accessTokenTtl()).isEqualTo(Duration.ofHours(2));
        assertThat(defaults.accessTokenDailyQuota()).isEqualTo(2000);
        assertThat(tuned.accessTokenTtl()).isEqualTo(Duration.ofSeconds(20));
        assertThat(tuned.accessTokenDailyQuota()).isEqualTo(50);
        assertThat(settings("WXLOGIN_SANDBOX_TOKEN_TTL", "PT4S").wechat().sandbox().orElseThrow().accessTokenTtl())
                .isEqualTo(Duration.ofSeconds(4));
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
    }

    private static final String SHOP = "wx0000000000005409";
    private static final String CARD = "wx000000000000ca7d";
    private static final String SHOP_SECRET = "shop-secret-0123456789";
    private static final String CARD_SECRET = "card-secret-9876543210";
    private static final String DATA_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    @Test
    void wxloginAppsNamesSeveralMiniProgramsEachWithItsOwnSecret() {
        Settings several = settings("WXLOGIN_APPS", SHOP + ", " + CARD, "WXLOGIN_APP_SECRET_" + SHOP, SHOP_SECRET,
                "WXLOGIN_APP_SECRET_" + CARD, CARD_SECRET, "WXLOGIN_DATA_KEY", DATA_KEY);

        assertThat(several.sandbox()).isFalse();
        assertThat(several.wechat().api().miniPrograms()).containsExactly(
                new MiniProgram(new AppId(SHOP), new AppSecret(SHOP_SECRET)),
                new MiniProgram(new AppId(CARD), new AppSecret(CARD_SECRET)));
        assertThat(several.rest().apps()).containsExactly(new AppId(SHOP), new AppId(CARD));
        assertThat(several.internal()).isEmpty();
    }

    @Test
    void theSandboxPlaysTheMiniProgramsOfWxloginAppsWhenAskedTo() {
        Settings playing = settings("WXLOGIN_APPS", SHOP + "," + CARD, "WXLOGIN_APP_SECRET_" + SHOP, SHOP_SECRET,
                "WXLOGIN_APP_SECRET_" + CARD, CARD_SECRET, "WXLOGIN_SANDBOX", "true");

        assertThat(playing.wechat().sandbox().orElseThrow().apps()).containsExactly(
                new SandboxApp(new AppId(SHOP), new AppSecret(SHOP_SECRET), true),
                new SandboxApp(new AppId(CARD), new AppSecret(CARD_SECRET), true));
        assertThat(playing.rest().apps()).containsExactly(new AppId(SHOP), new AppId(CARD));
    }

    /** Every refusal names the variable to fix, and none repeats a secret, whichever one is involved. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "a malformed AppID | WXLOGIN_APPS=wx0000000000005409,wx/card | WXLOGIN_APPS",
            "an AppID too long | WXLOGIN_APPS=wx0000000000005409,w" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx | WXLOGIN_APPS",
            "a duplicate | WXLOGIN_APPS=wx0000000000005409,wx000000000000ca7d,wx0000000000005409 | WXLOGIN_APPS lists wx0000000000005409 more than once",
            "a missing secret | WXLOGIN_APPS=wx0000000000005409,wx000000000000ca7d,wx00000000000000bb | WXLOGIN_APP_SECRET_wx00000000000000bb is not set",
            "a blank secret | WXLOGIN_APP_SECRET_wx000000000000ca7d= | WXLOGIN_APP_SECRET_wx000000000000ca7d is set but empty",
            "a malformed secret | WXLOGIN_APP_SECRET_wx000000000000ca7d=card secret | WXLOGIN_APP_SECRET_wx000000000000ca7d",
            "a secret of no listed app | WXLOGIN_APP_SECRET_wx00000000000000bb=stray-secret-0000 | WXLOGIN_APP_SECRET_wx00000000000000bb names no AppID of WXLOGIN_APPS",
            "both styles, the AppID | WXLOGIN_APP_ID=wx0000000000005409 | WXLOGIN_APPS and WXLOGIN_APP_ID/WXLOGIN_APP_SECRET",
            "both styles, the secret | WXLOGIN_APP_SECRET=shop-secret-0123456789 | WXLOGIN_APPS and WXLOGIN_APP_ID/WXLOGIN_APP_SECRET",
            "an empty list | WXLOGIN_APPS=' , ' | WXLOGIN_APPS must list at least one AppID",
            "a blank list | WXLOGIN_APPS=' ' | WXLOGIN_APPS is set but empty",
            "sandbox apps as well | WXLOGIN_SANDBOX_APPS=wxsandboxshop | WXLOGIN_SANDBOX_APPS",
    })
    void aMistakeInWxloginAppsIsRefusedNamingTheVariableAndNoSecret(String what, String change, String message) {
        Map<String, String> config = new HashMap<>(Map.of("WXLOGIN_APPS", SHOP + "," + CARD,
                "WXLOGIN_APP_SECRET_" + SHOP, SHOP_SECRET, "WXLOGIN_APP_SECRET_" + CARD, CARD_SECRET,
                "WXLOGIN_DATA_KEY", DATA_KEY));
        int equals = change.indexOf('=');
        config.put(change.substring(0, equals), change.substring(equals + 1).replace("'", ""));

        assertThatThrownBy(() -> Settings.from(new ConfigurationSource(config)))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining(message)
                .hasMessageNotContainingAny(SHOP_SECRET, CARD_SECRET, "stray-secret", "card secret", DATA_KEY);
    }

    @Test
    void aSecretNamedAfterAnAppIdIsRefusedWithTheSingleAppStyleToo() {
        assertThatThrownBy(() -> settings("WXLOGIN_APP_ID", SHOP, "WXLOGIN_APP_SECRET", SHOP_SECRET,
                "WXLOGIN_APP_SECRET_" + CARD, CARD_SECRET, "WXLOGIN_DATA_KEY", DATA_KEY))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining("WXLOGIN_APP_SECRET_" + CARD + " names no AppID of WXLOGIN_APPS")
                .hasMessageNotContainingAny(SHOP_SECRET, CARD_SECRET);
    }

    /** Without any AppID, and without WXLOGIN_SANDBOX_APPS, the sandbox plays its one app as it always did. */
    @Test
    void theSandboxPlaysItsOwnAppsEachBoundToTheOpenPlatformUnlessMarkedNoUnionid() {
        Settings several = settings("WXLOGIN_SANDBOX_APPS", "wxsandboxshop, wxsandboxcard,wxsandboxstaff:no-unionid");

        assertThat(several.wechat().sandbox().orElseThrow().apps()).containsExactly(
                new SandboxApp(new AppId("wxsandboxshop"), SandboxSettings.DEFAULT_APP.secret(), true),
                new SandboxApp(new AppId("wxsandboxcard"), SandboxSettings.DEFAULT_APP.secret(), true),
                new SandboxApp(new AppId("wxsandboxstaff"), SandboxSettings.DEFAULT_APP.secret(), false));
        assertThat(several.rest().apps())
                .containsExactly(new AppId("wxsandboxshop"), new AppId("wxsandboxcard"), new AppId("wxsandboxstaff"));
        assertThat(settings().wechat().sandbox().orElseThrow().apps()).containsExactly(SandboxSettings.DEFAULT_APP);
    }

    @ParameterizedTest(name = "WXLOGIN_SANDBOX_APPS={0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "wxsandboxshop,wxsandboxshop:no-unionid | WXLOGIN_SANDBOX_APPS lists wxsandboxshop more than once",
            "wxsandboxshop:unionid | WXLOGIN_SANDBOX_APPS takes AppIDs, each optionally followed by :no-unionid",
            "wxsandboxshop:no-unionid:no-unionid | WXLOGIN_SANDBOX_APPS takes AppIDs",
            "wx/shop | WXLOGIN_SANDBOX_APPS: AppID",
            "',' | WXLOGIN_SANDBOX_APPS must list at least one AppID",
            "' ' | WXLOGIN_SANDBOX_APPS is set but empty",
    })
    void aMistakeInTheSandboxsAppsIsRefusedNamingTheVariable(String apps, String message) {
        assertThatThrownBy(() -> settings("WXLOGIN_SANDBOX_APPS", apps))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining(message);
    }
}
