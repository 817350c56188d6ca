package dev.wxlogin.adapters.rest;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * What the rate limits count by: an IPv4 address, or an IPv6 address's network. One IPv6 subscriber is usually
 * given a whole /64 (or more), so counting single IPv6 addresses would let a single client rotate through
 * 2<sup>64</sup> fresh budgets.
 */
final class ClientKeys {
    private final int ipv6PrefixLength;

    ClientKeys(int ipv6PrefixLength) {
        this.ipv6PrefixLength = ipv6PrefixLength;
    }

    /** @param clientIp as {@link ClientAddresses#clientIp} tells it (IPv4-mapped IPv6 is IPv4 by then) */
    String of(String clientIp) {
        return IpLiterals.address(clientIp)
                .filter(Inet6Address.class::isInstance)
                .map(this::network)
                .orElse(clientIp);
    }

    private String network(InetAddress ipv6) {
        return IpRange.hostAddress(IpRange.masked(ipv6.getAddress(), ipv6PrefixLength)) + "/" + ipv6PrefixLength;
    }
}
