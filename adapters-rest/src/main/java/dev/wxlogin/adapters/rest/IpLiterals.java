package dev.wxlogin.adapters.rest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IP address literals in one canonical text form, so that "::1" and "0:0:0:0:0:0:0:1" compare equal, and an
 * IPv4-mapped IPv6 address ("::ffff:192.0.2.1") is the IPv4 address it maps. The text may come from the network
 * ({@code X-Forwarded-For}), so it is never resolved as a host name: {@link InetAddress#getByName} only sees
 * strings it must parse as IPv6 literals.
 */
final class IpLiterals {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    // A hex digit or ':' first and a ':' somewhere: the JDK parses this as a literal or fails, never looks it up.
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");
    // What proxies write into X-Forwarded-For besides a bare address: "1.2.3.4:5678" and "[2001:db8::1]:443".
    private static final Pattern WITH_PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}):\\d{1,5}|\\[([^]]+)]:\\d{1,5}");

    private IpLiterals() {}

    static Optional<String> canonical(String text) {
        return address(text).map(InetAddress::getHostAddress);
    }

    /** The address {@code text} spells, IPv4-mapped IPv6 as IPv4; empty for anything that is not a literal. */
    static Optional<InetAddress> address(String text) {
        String address = unbracketed(text.strip());
        if (IPV4.matcher(address).matches()) {
            return ipv4(address);
        }
        if (IPV6.matcher(address).matches() && address.indexOf(':') >= 0) {
            try {
                return Optional.of(InetAddress.getByName(address));
            } catch (UnknownHostException | IllegalArgumentException notALiteral) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A hop of {@code X-Forwarded-For}: an address as {@link #address}, possibly with a port, which is dropped. */
    static Optional<InetAddress> forwardedAddress(String hop) {
        Matcher withPort = WITH_PORT.matcher(hop.strip());
        if (withPort.matches()) {
            return address(withPort.group(1) != null ? withPort.group(1) : withPort.group(2));
        }
        return address(hop);
    }

    private static Optional<InetAddress> ipv4(String address) {
        String[] octets = address.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int value = Integer.parseInt(octets[i]);
            if (value > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) value;
        }
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException impossible) { // only for a wrong number of bytes
            throw new IllegalStateException(impossible);
        }
    }

    private static String unbracketed(String address) {
        boolean bracketed = address.length() > 2 && address.startsWith("[") && address.endsWith("]");
        return bracketed ? address.substring(1, address.length() - 1) : address;
    }
}
