package dev.wxlogin.adapters.wechat.sandbox;

import dev.wxlogin.domain.app.AppId;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Openids and unionids of simulated users, derived rather than stored: the same seed, app and user always give
 * the same ids, across restarts too. Like WeChat's, they are 28 characters starting with 'o'.
 */
final class SimulatedIdentities {
    private static final int ID_LENGTH = 28;

    private final byte[] seed;

    SimulatedIdentities(String seed) {
        this.seed = seed.getBytes(StandardCharsets.UTF_8);
    }

    /** Differs per app, as a user's openid does. */
    String openId(AppId appId, String user) {
        return derive("openid\n" + appId.value() + "\n" + user);
    }

    /** The same in every app of the sandbox, which plays a single Open Platform account. */
    String unionId(String user) {
        return derive("unionid\n" + user);
    }

    private String derive(String input) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(seed, "HmacSHA256"));
            byte[] digest = hmac.doFinal(input.getBytes(StandardCharsets.UTF_8));
            return "o" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, ID_LENGTH - 1);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
