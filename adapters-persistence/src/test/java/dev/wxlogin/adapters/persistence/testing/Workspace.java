package dev.wxlogin.adapters.persistence.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Where the test servers live: {@code target/test-databases} of the module under test (the working directory of
 * Surefire and Failsafe), so that {@code mvn clean} removes everything and nothing is left elsewhere.
 */
final class Workspace {
    private static final Path ROOT = Path.of("target", "test-databases").toAbsolutePath();
    private static final AtomicInteger SERVERS = new AtomicInteger();

    private Workspace() {}

    /** The directory of this JVM's shared server of {@code engine}. */
    static Path sharedHome(Engine engine) {
        return ROOT.resolve(engine.name().toLowerCase() + "-shared");
    }

    /** The directory of one more server of {@code engine}. */
    static Path serverHome(Engine engine) {
        return ROOT.resolve(engine.name().toLowerCase() + "-" + SERVERS.incrementAndGet());
    }

    interface Unpacker {
        void unpackInto(Path directory) throws IOException;
    }

    /**
     * The binaries called {@code name}, unpacked once and reused by later test runs: into a temporary directory
     * first, renamed when complete, so an interrupted unpacking is never taken for a complete one.
     */
    static synchronized Path binaries(String name, Unpacker unpacker) {
        Path target = ROOT.resolve("binaries").resolve(name);
        if (Files.isDirectory(target)) {
            return target;
        }
        try {
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempDirectory(target.getParent(), name + ".partial");
            unpacker.unpackInto(partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + name + " into " + target, e);
        }
    }

    /** A port of 127.0.0.1 that was free a moment ago. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The servers' binaries are built for one platform; elsewhere, say so instead of failing obscurely. */
    static void requireLinuxX64(Engine engine) {
        String os = System.getProperty("os.name");
        String arch = System.getProperty("os.arch");
        if (!os.startsWith("Linux") || !List.of("amd64", "x86_64").contains(arch)) {
            throw new IllegalStateException("The " + engine + " test server runs on Linux x86-64 only (the binaries"
                    + " of its Maven artifact), not on " + os + " " + arch);
        }
    }

    /** The jar file that a class path resource comes from. */
    static Path jarOf(URL resource) {
        try {
            return Path.of(((JarURLConnection) resource.openConnection()).getJarFileURL().toURI());
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot find the jar of " + resource, e);
        }
    }

    /** By effective user id: the owner of /proc/self. */
    static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    static List<String> lastLines(Path log, int count) {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        } catch (IOException | UncheckedIOException e) {
            return List.of("(cannot read " + log + ": " + e + ")");
        }
    }

    static Path emptied(Path directory) {
        try {
            if (Files.exists(directory)) {
                try (Stream<Path> files = Files.walk(directory)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + directory, e);
        }
    }
}
