/**
 * The REST adapter: drives wxlogin through its {@code port.in} use cases over HTTP (Javalin on Jetty, one
 * virtual thread per request, Jackson). {@link dev.wxlogin.adapters.rest.RestApi} is the entry point and
 * {@link dev.wxlogin.adapters.rest.RestSettings} its configuration; everything else is package-private.
 */
package dev.wxlogin.adapters.rest;
