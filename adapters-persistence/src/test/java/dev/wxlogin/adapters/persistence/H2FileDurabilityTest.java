package dev.wxlogin.adapters.persistence;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.user.OpenId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A login committed on an H2 file database survives {@code kill -9} of the JVM, with
 * {@link Database#H2_FILE_URL_OPTIONS}. Without {@code WRITE_DELAY=0} the last half second of commits
 * is lost; that is not asserted here, as it depends on timing.
 */
class H2FileDurabilityTest {
    private static final AppId APP = new AppId("wxdurability00001");
    private static final int ACKNOWLEDGED = 200;

    @TempDir
    Path directory;

    @Test
    @Timeout(120)
    void everyAcknowledgedLoginSurvivesAKilledJvm() throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("wxlogin") + Database.H2_FILE_URL_OPTIONS;
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path childErrors = directory.resolve("child.err");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LoggingInUntilKilled.class.getName(), url)
                .redirectError(childErrors.toFile()).start();
        int lastAcknowledged = -1;
        try (var acks = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; lastAcknowledged < ACKNOWLEDGED && (line = acks.readLine()) != null; ) {
                if (line.startsWith("committed ")) {
                    lastAcknowledged = Integer.parseInt(line.substring("committed ".length()));
                }
            }
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            child.waitFor();
        }
        assertThat(lastAcknowledged).as(() -> "the child's stderr:\n" + read(childErrors)).isEqualTo(ACKNOWLEDGED);

        try (Database reopened = Database.open(TestDatabases.settings(url))) {
            List<String> openIds = reopened.jdbi().withHandle(h -> h.createQuery("SELECT openid FROM app_user")
                    .mapTo(String.class).list());
            for (int i = 0; i <= lastAcknowledged; i++) {
                assertThat(openIds).contains("o-" + i);
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The child JVM: one login per transaction, acknowledged on stdout once committed, until killed. */
    static final class LoggingInUntilKilled {
        public static void main(String[] args) {
            Database database = Database.open(TestDatabases.settings(args[0]));
            var users = new JdbiUserStorageAdapter(database.jdbi(), TestDatabases.cipher());
            var transactions = new JdbiTransactionsAdapter(database.jdbi());
            for (int i = 0; ; i++) {
                var identity = new WeChatIdentity(new OpenId("o-" + i), Optional.empty(),
                        new SessionKey("c2Vzc2lvbmtleTE2Ynl0ZQ=="));
                transactions.inTransaction(() -> users.recordLogin(APP, identity, Instant.now()));
                System.out.println("committed " + i);
                System.out.flush();
            }
        }
    }
}
