package dev.wxlogin.adapters.wechat.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wxlogin.domain.error.InvalidInput;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The open data a phone receives from WeChat for a simulated user, made the way WeChat makes it: the payload of
 * its kind with the watermark {@code {timestamp, appid}}, encrypted with AES-128-CBC/PKCS#7 under the user's current
 * session_key and a random iv; user info also comes as {@code rawData} with {@code signature = sha1(rawData +
 * session_key)}. Payloads are derived from the user's name, so the same user always gets the same data.
 */
final class OpenDataMint {
    /** WeChat's WeRun payload covers the last 31 days. */
    private static final int WERUN_DAYS = 31;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecureRandom random = new SecureRandom();
    private final SessionKeys sessionKeys;
    private final SimulatedIdentities identities;
    private final SimulatedPhones phones;
    private final Clock clock;

    OpenDataMint(SessionKeys sessionKeys, SimulatedIdentities identities, SimulatedPhones phones, Clock clock) {
        this.sessionKeys = sessionKeys;
        this.identities = identities;
        this.phones = phones;
        this.clock = clock;
    }

    /**
     * @param kind {@code phone}, {@code userinfo}, {@code werun} or {@code share}
     * @throws InvalidInput for another kind, or a user who has not logged in to the app yet (no session_key)
     */
    Map<String, Object> mint(SandboxApp app, String user, String kind) {
        String openId = identities.openId(app.appId(), user);
        String sessionKey = sessionKeys.current(openId).orElseThrow(() -> new InvalidInput(
                "The simulated user has not logged in to this app yet: exchange a code first"));
        ObjectNode payload = payload(app, user, openId, kind.toLowerCase(Locale.ROOT));
        Map<String, Object> minted = new LinkedHashMap<>();
        if (kind.equalsIgnoreCase("userinfo")) {
            String rawData = text(rawData(payload));
            minted.put("rawData", rawData);
            minted.put("signature", sha1Hex(rawData + sessionKey));
        }
        payload.putObject("watermark").put("timestamp", clock.instant().getEpochSecond()).put("appid", app.appId().value());
        byte[] iv = new byte[16];
        random.nextBytes(iv);
        minted.put("encryptedData", Base64.getEncoder().encodeToString(encrypt(sessionKey, iv, text(payload))));
        minted.put("iv", Base64.getEncoder().encodeToString(iv));
        return minted;
    }

    private ObjectNode payload(SandboxApp app, String user, String openId, String kind) {
        ObjectNode payload = JSON.createObjectNode();
        switch (kind) {
            case "phone" -> { // the legacy getPhoneNumber payload: countryCode is a string there
                String number = phones.of(user).number(); // the number getuserphonenumber answers for the user
                payload.put("phoneNumber", number).put("purePhoneNumber", number)
                        .put("countryCode", SimulatedPhones.COUNTRY_CODE);
            }
            case "userinfo" -> {
                payload.put("openId", openId).put("nickName", user).put("gender", 0).put("language", "zh_CN")
                        .put("city", "").put("province", "").put("country", "").put("avatarUrl", "");
                if (app.boundToOpenPlatform()) {
                    payload.put("unionId", identities.unionId(user));
                }
            }
            case "werun" -> {
                ArrayNode steps = payload.putArray("stepInfoList");
                Instant today = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
                for (int day = WERUN_DAYS - 1; day >= 0; day--) {
                    steps.addObject().put("timestamp", today.minus(Duration.ofDays(day)).getEpochSecond())
                            .put("step", Integer.parseInt(digits(user + day, 4)));
                }
            }
            case "share" -> payload.put("openGId", "G" + identities.unionId("group\n" + user).substring(1));
            default -> throw new InvalidInput("kind must be phone, userinfo, werun or share");
        }
        return payload;
    }

    /** What the phone's {@code rawData} holds: the user info without the ids, which only the encrypted copy has. */
    private static ObjectNode rawData(ObjectNode payload) {
        ObjectNode raw = payload.deepCopy();
        raw.remove("openId");
        raw.remove("unionId");
        return raw;
    }

    private static String digits(String seed, int count) {
        byte[] hash = sha1(seed);
        StringBuilder digits = new StringBuilder();
        for (int i = 0; digits.length() < count; i++) {
            digits.append(Math.floorMod(hash[i], 10));
        }
        return digits.toString();
    }

    private static byte[] encrypt(String sessionKey, byte[] iv, String plaintext) {
        try {
            Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(sessionKey), "AES"),
                    new IvParameterSpec(iv));
            return aes.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has AES/CBC/PKCS5Padding", e);
        }
    }

    private static String sha1Hex(String text) {
        return HexFormat.of().formatHex(sha1(text));
    }

    private static byte[] sha1(String text) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    private static String text(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }
}
