package dev.wxlogin.bootstrap;

/**
 * Jetty pads its queues to a CPU cache line and, to learn how many object references fill one, asks the JVM over JMX
 * whether references are compressed. That starts the platform MBean server: 140-280 ms of every start of the server
 * (docs/benchmarks.md). The JVM compresses them below 32 GiB of heap, so a 64-byte line holds 16 of them, else 8. Told
 * that before Jetty asks, Jetty never starts JMX; a value the operator set with {@code -D} stays.
 */
final class JettyWithoutJmx {
    static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";
    private static final long COMPRESSED_BELOW = 32L << 30;

    private JettyWithoutJmx() {}

    static void tellJetty(long maxHeapBytes) {
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(REFERENCES_PER_CACHE_LINE, maxHeapBytes < COMPRESSED_BELOW ? "16" : "8");
        }
    }
}
