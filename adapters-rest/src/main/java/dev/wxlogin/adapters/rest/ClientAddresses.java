package dev.wxlogin.adapters.rest;

import dev.wxlogin.domain.session.ClientInfo;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Tells the client's IP address. The socket's peer, unless the peer is one of our trusted reverse proxies:
 * then the right-most {@code X-Forwarded-For} hop that is not a trusted proxy, because hops further left
 * were written by the client and prove nothing. A port on a hop ({@code 1.2.3.4:5678}) is dropped.
 */
final class ClientAddresses {
    private final List<IpRange> trustedProxies;

    /** @param trustedProxies addresses and CIDR blocks, as {@link RestSettings} keeps them */
    ClientAddresses(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(IpRange::parse).toList();
    }

    /** The client's address in canonical form (see {@link IpLiterals}). */
    /** Who sent the request, as a session records it. */
    ClientInfo clientOf(Context ctx) {
        return new ClientInfo(ctx.userAgent(), clientIp(ctx.req()));
    }

    String clientIp(HttpServletRequest request) {
        String peerText = request.getRemoteAddr();
        Optional<InetAddress> peer = IpLiterals.address(peerText);
        if (!peer.map(this::trusted).orElse(false)) {
            return peer.map(InetAddress::getHostAddress).orElse(peerText);
        }
        String peerIp = peer.get().getHostAddress();
        List<String> hops = forwardedHops(request);
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpLiterals.forwardedAddress(hops.get(i));
            if (hop.isEmpty()) {
                return peerIp; // not an address: nothing further left can be believed either
            }
            if (!trusted(hop.get())) {
                return hop.get().getHostAddress();
            }
        }
        // Every hop is one of our proxies: the left-most is the closest we know to the client.
        return hops.isEmpty() ? peerIp : IpLiterals.forwardedAddress(hops.getFirst()).orElseThrow().getHostAddress();
    }

    private boolean trusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }

    private static List<String> forwardedHops(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        return hops;
    }
}
