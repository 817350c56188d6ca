/**
 * The wxlogin domain: users, sessions and login codes, and the ports through which the world talks to
 * them ({@code port.in}) and they talk to the world ({@code port.out}). Plain Java only.
 */
package dev.wxlogin.domain;
