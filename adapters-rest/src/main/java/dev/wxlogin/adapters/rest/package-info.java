/**
 * The REST adapter: drives wxlogin through its {@code port.in} use cases over HTTP (Javalin on Jetty, one
 * virtual thread per request, Jackson). {@link dev.wxlogin.adapters.rest.RestApi} is the entry point,
 * {@link dev.wxlogin.adapters.rest.RestSettings} with {@link dev.wxlogin.adapters.rest.RateLimits} its
 * configuration, {@link dev.wxlogin.adapters.rest.Readiness} what it reports on {@code /ready}, and
 * {@link dev.wxlogin.adapters.rest.ExtraRoute} how the composition root adds a route that is no use case (the
 * sandbox's); everything else is package-private.
 */
package dev.wxlogin.adapters.rest;
