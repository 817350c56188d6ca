package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.rest.RateLimits;
import dev.wxlogin.domain.session.DevicePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The WXLOGIN_* settings: defaults, modes, and refusals that name the key and never echo a secret. */
class SettingsTest {
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

        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.sandbox()).isTrue();
        assertThat(settings.appId()).isEmpty();
        assertThat(settings.appSecret()).isEmpty();
        assertThat(settings.wechatUrl()).isEqualTo(URI.create("https://api.weixin.qq.com"));
        assertThat(settings.sessionPolicy().idle()).isEqualTo(Duration.ofHours(2));
        assertThat(settings.sessionPolicy().max()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.sessionPolicy().devices()).isEqualTo(DevicePolicy.MULTIPLE);
        assertThat(settings.sessionPolicy().maxPerUser()).isEqualTo(5);
        assertThat(settings.sessionPolicy().touchInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.dataDir()).isEqualTo(Path.of("data"));
        assertThat(settings.dbUrl()).startsWith("jdbc:h2:file:" + Path.of("data").toAbsolutePath().resolve("wxlogin"))
                .contains(";WRITE_DELAY=0");
        assertThat(settings.dbPoolSize()).isEqualTo(10);
        assertThat(settings.dataKey()).isEmpty();
        assertThat(settings.trustedProxies()).isEmpty();
        assertThat(settings.rateLimits().perIpPerMinute()).isEqualTo(60);
        assertThat(settings.rateLimits().globalPerSecond()).isEqualTo(500);
        assertThat(settings.cleanupInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.cleanupBatchSize()).isEqualTo(500);
        assertThat(settings.sandboxOptions().busyRate()).isZero();
        assertThat(settings.sandboxOptions().riskyUsers()).containsExactly("risky");
        assertThat(settings.sandboxOptions().contentType()).isEqualTo("text/plain");
    }

    @Test
    void anAppIdWithItsSecretTalksToWeChatUnlessTheSandboxIsAskedFor() {
        Settings wechat = settings("WXLOGIN_APP_ID", "wx1234567890abcdef", "WXLOGIN_APP_SECRET", "s3cret",
                "WXLOGIN_DATA_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        assertThat(wechat.sandbox()).isFalse();
        assertThat(wechat.appId()).hasValueSatisfying(id -> assertThat(id.value()).isEqualTo("wx1234567890abcdef"));

        Settings playing = settings("WXLOGIN_APP_ID", "wx1234567890abcdef", "WXLOGIN_APP_SECRET", "s3cret",
                "WXLOGIN_SANDBOX", "yes");
        assertThat(playing.sandbox()).isTrue();
    }

    @Test
    void weChatModeWithoutADataKeyIsRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> settings("WXLOGIN_APP_ID", "wx1234567890abcdef", "WXLOGIN_APP_SECRET", "s3cret"))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining("WXLOGIN_DATA_KEY")
                .hasMessageContaining("openssl rand -base64 32")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void anEmptyOrBlankVariableCountsAsUnset() {
        Settings settings = settings("WXLOGIN_APP_ID", "", "WXLOGIN_APP_SECRET", "  ", "WXLOGIN_PORT", " ");

        assertThat(settings.sandbox()).isTrue();
        assertThat(settings.port()).isEqualTo(8080);
    }

    @Test
    void valuesAreParsed() {
        Settings settings = settings(
                "WXLOGIN_PORT", " 9090 ",
                "WXLOGIN_WECHAT_URL", "http://proxy.internal:8081/",
                "WXLOGIN_SESSION_IDLE", "PT30M",
                "WXLOGIN_SESSION_MAX", "PT12H",
                "WXLOGIN_SESSION_POLICY", "SINGLE",
                "WXLOGIN_TRUSTED_PROXIES", "10.0.0.1, 10.0.0.2,,",
                "WXLOGIN_SANDBOX_BUSY_RATE", "0.25");

        assertThat(settings.port()).isEqualTo(9090);
        assertThat(settings.wechatUrl()).isEqualTo(URI.create("http://proxy.internal:8081"));
        assertThat(settings.sessionPolicy().idle()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.sessionPolicy().max()).isEqualTo(Duration.ofHours(12));
        assertThat(settings.sessionPolicy().devices()).isEqualTo(DevicePolicy.SINGLE);
        assertThat(settings.trustedProxies()).containsExactly("10.0.0.1", "10.0.0.2");
        assertThat(settings.sandboxOptions().busyRate()).isEqualTo(0.25);
    }

    @Test
    void aShortIdleTimeoutGetsATouchIntervalShorterThanItself() {
        assertThat(settings("WXLOGIN_SESSION_IDLE", "PT2S").sessionPolicy().touchInterval())
                .isEqualTo(Duration.ofMillis(200));
        assertThat(settings("WXLOGIN_SESSION_IDLE", "PT5M").sessionPolicy().touchInterval())
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
            "WXLOGIN_APP_ID, wx-not_valid!",
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
    void theDatabaseUrlIsPrintedWithoutItsOptions() {
        assertThat(settings("WXLOGIN_DB_URL", "jdbc:postgresql://db.internal:5432/wxlogin?user=wx&password=hunter2&ssl=true")
                .printableDbUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/wxlogin");
        assertThat(settings("WXLOGIN_DB_URL", "jdbc:h2:tcp://db/wx;USER=sa;PASSWORD=hunter2").printableDbUrl())
                .isEqualTo("jdbc:h2:tcp://db/wx");
        assertThat(settings("WXLOGIN_DATA_DIR", "/srv/wx").printableDbUrl()).isEqualTo("jdbc:h2:file:/srv/wx/wxlogin");
    }

    /** Drivers that take credentials before the host: MySQL Connector/J user info, Oracle thin user/password@. */
    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:mysql://wx:hunter2@db.internal:3306/wxlogin",
            "jdbc:oracle:thin:wx/hunter2@//db.internal:1521/wxlogin",
    })
    void theDatabaseUrlIsPrintedWithoutAPasswordBeforeTheHost(String url) {
        assertThat(settings("WXLOGIN_DB_URL", url).printableDbUrl()).doesNotContain("hunter2").contains("db.internal");
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
    void standingSandboxFaultsAndTheLogLevelAreRead() {
        Settings settings = settings("WXLOGIN_SANDBOX_FAULTS", "Quota_Exceeded, hang", "WXLOGIN_LOG_LEVEL", "debug");

        assertThat(settings.sandboxOptions().faults()).containsExactlyInAnyOrder("quota_exceeded", "hang");
        assertThat(settings.logLevel()).isEqualTo("DEBUG");
        assertThat(settings().sandboxOptions().faults()).isEmpty();
        assertThat(settings().logLevel()).isEqualTo("INFO");
    }

    @Test
    void unknownSandboxFaultsAndLogLevelsAreRefused() {
        assertThatThrownBy(() -> settings("WXLOGIN_SANDBOX_FAULTS", "quota_exceeded,explode"))
                .isInstanceOf(InvalidConfiguration.class).hasMessageContaining("WXLOGIN_SANDBOX_FAULTS");
        assertThatThrownBy(() -> settings("WXLOGIN_LOG_LEVEL", "LOUD"))
                .isInstanceOf(InvalidConfiguration.class).hasMessageContaining("WXLOGIN_LOG_LEVEL");
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
        assertThat(settings().rateLimits()).isEqualTo(RateLimits.DEFAULT);
        RateLimits tuned = settings("WXLOGIN_RATE_API_PER_IP", "120", "WXLOGIN_RATE_IPV6_PREFIX", "56").rateLimits();

        assertThat(tuned.apiPerIpPerMinute()).isEqualTo(120);
        assertThat(tuned.ipv6PrefixLength()).isEqualTo(56);
        assertThatThrownBy(() -> settings("WXLOGIN_RATE_IPV6_PREFIX", "24")).isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining("WXLOGIN_RATE_IPV6_PREFIX");
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
    }
}
