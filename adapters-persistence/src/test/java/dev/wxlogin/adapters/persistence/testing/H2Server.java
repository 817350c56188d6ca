package dev.wxlogin.adapters.persistence.testing;

import org.h2.tools.Server;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/** An H2 TCP server in this JVM, its database files in its home directory. */
final class H2Server implements DatabaseServer {
    private final Path home;
    private final int port = Workspace.freePort();
    private final AtomicInteger databases = new AtomicInteger();
    private Server server;

    private H2Server(Path home) {
        this.home = home;
    }

    static H2Server started(Path home) {
        H2Server server = new H2Server(Workspace.emptied(home));
        server.start();
        return server;
    }

    @Override
    public Engine engine() {
        return Engine.H2;
    }

    @Override
    public TestDatabase createDatabase() {
        // created on first connection (-ifNotExists)
        return new TestDatabase(Engine.H2, "jdbc:h2:tcp://127.0.0.1:" + port + "/wx_" + databases.incrementAndGet()
                + ";LOCK_TIMEOUT=10000", "sa", "");
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-baseDir", home.toString(),
                    "-ifNotExists").start();
        } catch (SQLException e) {
            throw new IllegalStateException("The H2 test server cannot start on port " + port + ": " + e, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
