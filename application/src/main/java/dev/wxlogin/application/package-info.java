/**
 * The use cases: one service per driving port. Services decide transaction boundaries (through
 * {@link dev.wxlogin.domain.port.out.ForRunningTransactions}) and policies that span ports, and depend
 * on nothing but the domain and the JDK. Security events go to {@link java.lang.System.Logger}, which
 * the composition root routes to the application's logging.
 */
package dev.wxlogin.application;
