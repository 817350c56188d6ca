package dev.wxlogin.adapters.rest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address literals in one canonical text form, so that "::1" and "0:0:0:0:0:0:0:1" compare equal. The
 * text may come from the network ({@code X-Forwarded-For}), so it is never resolved as a host name:
 * {@link InetAddress#getByName} only sees strings it must parse as IPv6 literals.
 */
final class IpLiterals {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    // A hex digit or ':' first and a ':' somewhere: the JDK parses this as a literal or fails, never looks it up.
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    private IpLiterals() {}

    static Optional<String> canonical(String text) {
        String address = unbracketed(text.strip());
        if (IPV4.matcher(address).matches()) {
            return canonicalIpv4(address);
        }
        if (IPV6.matcher(address).matches() && address.indexOf(':') >= 0) {
            try {
                return Optional.of(InetAddress.getByName(address).getHostAddress());
            } catch (UnknownHostException | IllegalArgumentException notALiteral) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static String requireLiteral(String text) {
        return canonical(text).orElseThrow(() -> new IllegalArgumentException("not an IP address literal: " + text));
    }

    private static Optional<String> canonicalIpv4(String address) {
        String[] octets = address.split("\\.");
        StringBuilder canonical = new StringBuilder(15);
        for (String octet : octets) {
            int value = Integer.parseInt(octet);
            if (value > 255) {
                return Optional.empty();
            }
            canonical.append(canonical.isEmpty() ? "" : ".").append(value);
        }
        return Optional.of(canonical.toString());
    }

    private static String unbracketed(String address) {
        boolean bracketed = address.length() > 2 && address.startsWith("[") && address.endsWith("]");
        return bracketed ? address.substring(1, address.length() - 1) : address;
    }
}
