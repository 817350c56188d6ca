package dev.wxlogin.adapters.persistence;

import dev.wxlogin.domain.error.StorageUnavailable;
import dev.wxlogin.domain.session.SessionToken;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A database server that stops answering: every adapter call reports the domain's StorageUnavailable. */
class DatabaseDownTest {
    @TempDir
    Path dir;
    private Server server;
    private Database database;

    @AfterEach
    void stop() {
        if (database != null) {
            database.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aStoppedDatabaseServerMakesStorageUnavailableAndUnready() throws SQLException {
        server = Server.createTcpServer("-tcpPort", "0", "-baseDir", dir.toString(), "-ifNotExists").start();
        String url = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/down;LOCK_TIMEOUT=10000";
        database = Database.open(new DatabaseSettings(url, "sa", "", 2));
        JdbiSessionStorageAdapter sessions = new JdbiSessionStorageAdapter(database.jdbi());
        assertThat(sessions.findByTokenHash(SessionToken.generate().hash())).isEmpty();

        server.stop();

        assertThatThrownBy(() -> sessions.findByTokenHash(SessionToken.generate().hash()))
                .isInstanceOf(StorageUnavailable.class);
        assertThat(database.isReachable()).isFalse();
    }
}
