package dev.wxlogin.adapters.rest;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code GET /ready} reports: whether this instance should receive traffic, and the state of each
 * dependency by name, such as {@code {"database":"UP","wechat":"CLOSED"}}.
 *
 * <p>{@code ready} is the caller's verdict, not derived from {@code checks}, because some states are worth
 * reporting without taking the instance out of the load balancer. WeChat's circuit breaker is one: an open
 * breaker means WeChat is down for every instance alike, so making them all unready would help no login and
 * would also stop the requests on existing sessions, which never need WeChat.
 *
 * @param checks state by dependency name; kept sorted by name, so the JSON reads the same on every probe
 */
public record Readiness(boolean ready, Map<String, String> checks) {
    public Readiness {
        checks = Collections.unmodifiableMap(new TreeMap<>(Map.copyOf(checks)));
    }
}
