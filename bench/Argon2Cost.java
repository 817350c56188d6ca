import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What one Argon2id hash costs on this machine with BouncyCastle, the library the server uses, for a few parameter
 * sets around OWASP's floor (m=19 MiB, t=2, p=1): the median of 30 hashes after 10 warm-up ones, on one thread.
 *
 * <pre>flock /tmp/wxlogin-mvn.lock java -cp ~/.m2/repository/org/bouncycastle/bcprov-jdk18on/1.87/bcprov-jdk18on-1.87.jar bench/Argon2Cost.java</pre>
 * from the repository's root, with Java 21 or newer. Size WXLOGIN_PASSWORD_HASH_MEMORY / _ITERATIONS for 50-100 ms.
 */
public class Argon2Cost {
    public static void main(String[] args) {
        int[][] sets = {{19_456, 2, 1}, {19_456, 3, 1}, {32_768, 2, 1}, {47_104, 1, 1}, {65_536, 1, 1}, {65_536, 2, 1}};
        for (int[] set : sets) {
            long[] nanos = new long[30];
            for (int i = -10; i < nanos.length; i++) {
                long start = System.nanoTime();
                hash(set[0], set[1], set[2]);
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - start;
                }
            }
            Arrays.sort(nanos);
            System.out.printf("m=%d KiB, t=%d, p=%d: median %.1f ms, min %.1f ms, max %.1f ms%n", set[0], set[1], set[2],
                    nanos[nanos.length / 2] / 1e6, nanos[0] / 1e6, nanos[nanos.length - 1] / 1e6);
        }
    }

    private static void hash(int memoryKib, int iterations, int parallelism) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(parallelism)
                .withSalt("sixteen byte salt".getBytes(StandardCharsets.UTF_8)).build());
        generator.generateBytes("correct horse battery staple".getBytes(StandardCharsets.UTF_8), new byte[32]);
    }
}
