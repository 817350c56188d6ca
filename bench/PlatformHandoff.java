import com.sun.management.OperatingSystemMXBean;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What it costs a virtual thread to hand a call to a platform thread and wait for it (DatabaseThreads, on embedded
 * H2), with the work itself left out: 64 virtual threads, 5,000 calls each, three rounds, for a pool of 10 platform
 * threads with a queue and for a thread per call (a cached pool); inline for reference. Prints process CPU and wall
 * time per call. Run from the repository's root: {@code /usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/PlatformHandoff.java}
 */
public class PlatformHandoff {
    private static final int CALLERS = 64;
    private static final int CALLS = 5_000;

    public static void main(String[] args) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (ExecutorService fixed = Executors.newFixedThreadPool(10, Thread.ofPlatform().daemon(true).factory());
             ExecutorService cached = Executors.newCachedThreadPool(Thread.ofPlatform().daemon(true).factory())) {
            for (int round = 1; round <= 3; round++) {
                measure("pool of 10", fixed, os, round);
                measure("thread per call", cached, os, round);
                measure("inline", null, os, round);
            }
        }
    }

    private static void measure(String name, ExecutorService platform, OperatingSystemMXBean os, int round) {
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < CALLERS; c++) {
                callers.submit(() -> {
                    for (int i = 0; i < CALLS; i++) {
                        if (platform == null) {
                            work();
                        } else {
                            CompletableFuture.supplyAsync(PlatformHandoff::work, platform).join();
                        }
                    }
                });
            }
        }
        double calls = (double) CALLERS * CALLS;
        System.out.printf("round %d, %-15s %5.1f µs CPU, %5.1f µs wall per call%n", round, name,
                (os.getProcessCpuTime() - cpu) / 1e3 / calls, (System.nanoTime() - wall) / 1e3 / calls);
    }

    private static int work() {
        return ThreadLocalRandom.current().nextInt();
    }
}
