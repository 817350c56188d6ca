import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * What binding a token hash as VARCHAR rather than CHAR costs H2 in the lookup every authenticated request makes:
 * 50,000 rows with a unique CHAR(64) column like {@code user_session.token_hash}, then rounds of 200,000 lookups by a
 * random stored hash, alternating the two bindings.
 *
 * <pre>java -cp ~/.m2/repository/com/h2database/h2/2.4.240/h2-2.4.240.jar bench/H2TokenLookup.java</pre>
 * from the repository's root, with Java 21 or newer. Prints microseconds per lookup; compare within one run.
 */
public class H2TokenLookup {
    private static final int ROWS = 50_000;
    private static final int LOOKUPS = 200_000;

    public static void main(String[] args) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:lookup;QUERY_CACHE_SIZE=64")) {
            db.createStatement().execute(
                    "CREATE TABLE s (id VARCHAR(64) PRIMARY KEY, token_hash CHAR(64) NOT NULL UNIQUE, v VARCHAR(64))");
            List<String> hashes = insertRows(db);
            try (PreparedStatement lookup = db.prepareStatement("SELECT id, v FROM s WHERE token_hash = ?")) {
                Random random = new Random(1);
                for (int round = 1; round <= 6; round++) {
                    for (boolean asChar : new boolean[] {false, true}) {
                        long started = System.nanoTime();
                        for (int i = 0; i < LOOKUPS; i++) {
                            String hash = hashes.get(random.nextInt(hashes.size()));
                            if (asChar) {
                                lookup.setObject(1, hash, Types.CHAR);
                            } else {
                                lookup.setString(1, hash);
                            }
                            try (ResultSet row = lookup.executeQuery()) {
                                if (!row.next()) {
                                    throw new IllegalStateException("a stored hash was not found");
                                }
                            }
                        }
                        System.out.printf("round %d, bound as %-7s %.2f us per lookup%n", round, asChar ? "CHAR:" : "VARCHAR:",
                                (System.nanoTime() - started) / 1e3 / LOOKUPS);
                    }
                }
            }
        }
    }

    private static List<String> insertRows(Connection db) throws Exception {
        List<String> hashes = new ArrayList<>();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO s VALUES (?, ?, 'v')")) {
            for (int i = 0; i < ROWS; i++) {
                String hash = HexFormat.of().formatHex(sha256.digest(("token" + i).getBytes(StandardCharsets.UTF_8)));
                hashes.add(hash);
                insert.setString(1, "id" + i);
                insert.setString(2, hash);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return hashes;
    }
}
