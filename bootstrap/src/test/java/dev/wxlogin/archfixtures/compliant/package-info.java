/**
 * A miniature, correct hexagon that every rule of {@code HexagonRules} must pass, with a subject for every
 * rule to look at: if a rule passes here only because it found nothing to check, the test fails. It uses each
 * technology in the one place allowed (JDBC and Jdbi in persistence, the JDK HTTP client and server in WeChat,
 * Javalin and Jackson in REST, Spring and H2 in bootstrap), has a second driving adapter in a package no rule
 * names ({@code adapters.grpc}), and the shapes a rule could mistake for a violation: a record nested in a port,
 * a top-level enum and a sealed message interface next to the ports, a record implementing that sealed
 * interface, a {@code package-info}, and a Spring context built from a configuration class.
 */
package dev.wxlogin.archfixtures.compliant;
