/**
 * Driven ports: what wxlogin needs from the world (WeChat, a database, a transaction). Each is
 * implemented by an adapter named {@code <Technology><Stem>Adapter}, and by an in-memory fake in tests.
 */
package dev.wxlogin.domain.port.out;
