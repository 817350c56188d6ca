package dev.wxlogin.adapters.wechat.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Phone numbers of simulated users, derived from the name rather than stored: the same user always has the same
 * mainland number (11 digits, "1" then 3 to 9), across apps and restarts.
 */
final class SimulatedPhones {
    static final String COUNTRY_CODE = "86";

    /** @param countryCodeAsNumber whether getuserphonenumber sends this user's country code as a JSON number */
    record Phone(String number, boolean countryCodeAsNumber) {}

    Phone of(String user) {
        byte[] digest = sha256("phone\n" + user);
        StringBuilder number = new StringBuilder("1").append(3 + Math.floorMod(digest[0], 7));
        for (int i = 1; i <= 9; i++) {
            number.append(Math.floorMod(digest[i], 10));
        }
        return new Phone(number.toString(), (digest[10] & 1) == 0);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
