package dev.wxlogin.adapters.passwords;

/**
 * The cost of one Argon2id hash: memory in KiB, passes over it, and lanes. OWASP's floor is 19 MiB, 2 passes, 1 lane;
 * {@link #DEFAULT}, 32 MiB and 2 passes, took a median 64 ms on the project's 2-core machine ({@code bench/Argon2Cost.java},
 * figures in docs/operations.md). BouncyCastle computes lanes one after the other, so more lanes cost time without
 * buying parallelism.
 */
public record Argon2Cost(int memoryKib, int iterations, int parallelism) {
    public static final Argon2Cost DEFAULT = new Argon2Cost(32_768, 2, 1);

    public Argon2Cost {
        if (parallelism < 1 || parallelism > 16) {
            throw new IllegalArgumentException("Argon2 parallelism must be 1 to 16");
        }
        if (iterations < 1 || iterations > 100) {
            throw new IllegalArgumentException("Argon2 iterations must be 1 to 100");
        }
        if (memoryKib < 8 * parallelism || memoryKib > 4 * 1024 * 1024) {
            throw new IllegalArgumentException("Argon2 memory must be 8 KiB per lane to 4 GiB");
        }
    }
}
