package dev.wxlogin.domain.session;

/**
 * What we note about the device a session was created from, shown when a user lists their sessions.
 * Either part may be null (unknown). Control characters are dropped and lengths capped, because both
 * come from the network.
 */
public record ClientInfo(String userAgent, String ip) {
    public static final int MAX_USER_AGENT = 256;
    public static final int MAX_IP = 64;

    public ClientInfo {
        userAgent = clean(userAgent, MAX_USER_AGENT);
        ip = clean(ip, MAX_IP);
    }

    public static ClientInfo unknown() {
        return new ClientInfo(null, null);
    }

    private static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && kept.length() < max; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != 0x7F) {
                kept.append(c);
            }
        }
        return kept.isEmpty() ? null : kept.toString();
    }
}
