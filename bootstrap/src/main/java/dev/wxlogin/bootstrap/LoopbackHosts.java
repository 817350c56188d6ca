package dev.wxlogin.bootstrap;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a WXLOGIN_HOST reaches only this machine: {@code localhost}, 127.0.0.0/8 or ::1. A host name is never
 * looked up (what it resolves to may change), so any name but {@code localhost} counts as reachable from outside.
 */
final class LoopbackHosts {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    // A hex digit or ':' first and a ':' somewhere: the JDK parses this as a literal or fails, never looks it up.
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    private LoopbackHosts() {}

    static boolean isLoopback(String host) {
        String name = host.length() > 2 && host.startsWith("[") && host.endsWith("]")
                ? host.substring(1, host.length() - 1) : host;
        if (name.equalsIgnoreCase("localhost")) {
            return true;
        }
        Matcher ipv4 = IPV4.matcher(name);
        if (ipv4.matches()) {
            return ipv4.group(1).equals("127") && validOctets(name);
        }
        if (IPV6.matcher(name).matches() && name.indexOf(':') >= 0) {
            try {
                return InetAddress.getByName(name).isLoopbackAddress();
            } catch (UnknownHostException notALiteral) {
                return false;
            }
        }
        return false;
    }

    private static boolean validOctets(String ipv4) {
        for (String octet : ipv4.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}
