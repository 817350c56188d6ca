package dev.wxlogin.adapters.persistence.testing;

/** A database server on 127.0.0.1 that a test may stop and start again, on the same port with the same data. */
public interface DatabaseServer extends AutoCloseable {
    Engine engine();

    /** A new, empty database of its own on this server. */
    TestDatabase createDatabase();

    /** Stops the server and waits until it has; its clients' connections are lost. Does nothing if stopped. */
    void stop();

    /** Starts the stopped server again and waits until it answers. Does nothing if running. */
    void start();

    /** Stops the server for good; its files stay under {@code target/test-databases} until its next use. */
    @Override
    void close();
}
