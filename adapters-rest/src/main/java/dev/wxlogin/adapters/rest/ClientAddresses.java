package dev.wxlogin.adapters.rest;

import jakarta.servlet.http.HttpServletRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Tells the client's IP address. The socket's peer, unless the peer is one of our trusted reverse proxies:
 * then the right-most {@code X-Forwarded-For} hop that is not a trusted proxy, because hops further left
 * were written by the client and prove nothing.
 */
final class ClientAddresses {
    private final Set<String> trustedProxies;

    /** @param trustedProxies canonical IP literals, as {@link RestSettings} keeps them */
    ClientAddresses(List<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    String clientIp(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!trusted(peer)) {
            return peer;
        }
        List<String> hops = forwardedHops(request);
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trusted(hops.get(i))) {
                return IpLiterals.canonical(hops.get(i)).orElse(peer);
            }
        }
        // Every hop is one of our proxies: the left-most is the closest we know to the client.
        return hops.isEmpty() ? peer : IpLiterals.canonical(hops.getFirst()).orElse(peer);
    }

    private boolean trusted(String address) {
        return IpLiterals.canonical(address).filter(trustedProxies::contains).isPresent();
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
