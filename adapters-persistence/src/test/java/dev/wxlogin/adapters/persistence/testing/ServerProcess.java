package dev.wxlogin.adapters.persistence.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A database server as a child process of the test JVM, with its data and log in its home directory. A server
 * left running by a test JVM that was killed is ended (by its recorded process id) before its directory is reused.
 */
abstract class ServerProcess implements DatabaseServer {
    /** The account of wxlogin, as an operator would create it: not the administrator, and with a password. */
    static final String USER = "wxlogin";
    static final String PASSWORD = "wxlogin-test-password";

    private static final Duration START_BOUND = Duration.ofSeconds(60);
    private static final Duration STOP_BOUND = Duration.ofSeconds(30);
    private static final int LOG_LINES_IN_ERRORS = 25;

    private final Engine engine;
    final Path home;
    final int port;
    private final AtomicInteger databases = new AtomicInteger();
    private Process process;

    ServerProcess(Engine engine, Path home) {
        this.engine = engine;
        this.home = home;
        this.port = Workspace.freePort();
    }

    /** Creates the data directory from nothing; the home directory is empty. */
    abstract void initialise() throws IOException, InterruptedException;

    /** The command that runs the server in the foreground, logging to its standard output or error. */
    abstract List<String> serverCommand();

    /** Asks the server to shut down promptly, dropping its clients. */
    abstract void requestStop(Process server) throws IOException, InterruptedException;

    /** Connects to the server itself, as its administrator. */
    abstract Connection administrator() throws SQLException;

    /** Prepares the new server for wxlogin's tests: the account they use, for example. */
    abstract void prepare(Statement administrator) throws SQLException;

    /** The statement that creates the empty database {@code name}. */
    abstract String creation(String name);

    /** How to reach the database {@code name} on this server. */
    abstract TestDatabase database(String name);

    /** Empties the home, creates the data and starts the server; it stops at JVM exit. */
    final void create() {
        Workspace.requireLinuxX64(engine);
        endLeftover();
        Workspace.emptied(home);
        try {
            initialise();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the " + engine + " data in " + home, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, engine + " test server stop"));
        start();
        try (Connection connection = administrator(); Statement statement = connection.createStatement()) {
            prepare(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(failure("cannot be prepared: " + e), e);
        }
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public TestDatabase createDatabase() {
        String name = "wx_" + databases.incrementAndGet();
        try (Connection connection = administrator(); Statement statement = connection.createStatement()) {
            statement.execute(creation(name));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a database on the " + engine + " test server: " + e, e);
        }
        return database(name);
    }

    @Override
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = new ProcessBuilder(serverCommand()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
            Files.writeString(home.resolve("server.pid"), Long.toString(process.pid()));
        } catch (IOException e) {
            throw new IllegalStateException(failure("cannot be started: " + e), e);
        }
        awaitAnswering();
    }

    @Override
    public synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            requestStop(process);
            if (!process.waitFor(STOP_BOUND.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stop();
    }

    Path data() {
        return home.resolve("data");
    }

    Path log() {
        return home.resolve("server.log");
    }

    /** Runs one set-up command to its end, its output appended to the server's log. */
    void run(List<String> command) throws IOException, InterruptedException {
        Process step = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
        if (!step.waitFor(START_BOUND.toSeconds(), TimeUnit.SECONDS)) {
            step.destroyForcibly();
            throw new IllegalStateException(failure("set-up step did not finish: " + command.getFirst()));
        }
        if (step.exitValue() != 0) {
            throw new IllegalStateException(failure("set-up step " + command.getFirst() + " exited with "
                    + step.exitValue()));
        }
    }

    /** The message of a failed start: what failed, and the end of the server's log, which says why. */
    String failure(String what) {
        return "The " + engine + " test server in " + home + " " + what + "; the end of " + log() + ":\n  "
                + String.join("\n  ", Workspace.lastLines(log(), LOG_LINES_IN_ERRORS));
    }

    private void awaitAnswering() {
        long deadline = System.nanoTime() + START_BOUND.toNanos();
        while (true) {
            try (Connection ignored = administrator()) {
                return;
            } catch (SQLException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(failure("exited with " + process.exitValue() + " while starting"));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(failure("did not answer within " + START_BOUND.toSeconds()
                            + " s (" + notYet + ")"));
                }
                sleep();
            }
        }
    }

    private void endLeftover() {
        Path pidFile = home.resolve("server.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
                    .filter(p -> p.info().commandLine().orElse("").contains(home.toString()))
                    .ifPresent(leftover -> {
                        leftover.destroyForcibly();
                        leftover.onExit().join();
                    });
        } catch (IOException | NumberFormatException e) {
            // no readable record: nothing of ours to end
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
