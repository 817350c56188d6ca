/**
 * The REST adapter: drives wxlogin through its {@code port.in} use cases over HTTP (Javalin on Jetty, one
 * virtual thread per request, Jackson). {@link dev.wxlogin.adapters.rest.RestApi} is the entry point,
 * {@link dev.wxlogin.adapters.rest.RestSettings} with {@link dev.wxlogin.adapters.rest.RateLimits} its
 * configuration and {@link dev.wxlogin.adapters.rest.Readiness} what it reports on {@code /ready}; everything
 * else is package-private.
 */
package dev.wxlogin.adapters.rest;
