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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A login committed on an H2 file database survives {@code kill -9} of the JVM, with
 * {@link Database#H2_FILE_URL_OPTIONS}: H2 writes commits only every second by itself, so without the group commit
 * that each caller waits for ({@link GroupCommit}) the logins of the last second before the kill are lost.
 */
class H2FileDurabilityTest {
    private static final AppId APP = new AppId("wxdurability00001");
    private static final int ACKNOWLEDGED = 400;
    private static final int WRITERS = 4;

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
        List<String> acknowledged = new ArrayList<>();
        try (var acks = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; acknowledged.size() < ACKNOWLEDGED && (line = acks.readLine()) != null; ) {
                if (line.startsWith("committed ")) {
                    acknowledged.add(line.substring("committed ".length()));
                }
            }
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            child.waitFor();
        }
        assertThat(acknowledged).as(() -> "the child's stderr:\n" + read(childErrors)).hasSize(ACKNOWLEDGED);

        try (Database reopened = Database.open(TestDatabases.settings(url))) {
            List<String> openIds = reopened.jdbi().withHandle(h -> h.createQuery("SELECT openid FROM app_user")
                    .mapTo(String.class).list());
            assertThat(openIds).containsAll(acknowledged);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /**
     * The child JVM: writers side by side, as a server's requests are, so that commits share the file's writes; one
     * login per transaction, acknowledged on stdout once committed, until killed.
     */
    static final class LoggingInUntilKilled {
        public static void main(String[] args) {
            Database database = Database.open(TestDatabases.settings(args[0]));
            var users = new JdbiUserStorageAdapter(database.jdbi(), TestDatabases.cipher());
            var transactions = new JdbiTransactionsAdapter(database.jdbi());
            for (int w = 0; w < WRITERS; w++) {
                String writer = "o-" + w + "-";
                Thread.ofPlatform().start(() -> {
                    for (int i = 0; ; i++) {
                        var identity = new WeChatIdentity(new OpenId(writer + i), Optional.empty(),
                                new SessionKey("c2Vzc2lvbmtleTE2Ynl0ZQ=="));
                        transactions.inTransaction(() -> users.recordLogin(APP, identity, Instant.now()));
                        acknowledge(writer + i);
                    }
                });
            }
        }

        private static synchronized void acknowledge(String openId) {
            System.out.println("committed " + openId);
            System.out.flush();
        }
    }
}
