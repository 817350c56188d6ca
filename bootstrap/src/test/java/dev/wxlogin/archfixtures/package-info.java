/**
 * Fixtures for {@code dev.wxlogin.bootstrap.architecture.HexagonRulesCanFailTest}: miniature hexagons, one
 * package per rule of {@code HexagonRules}, each named after its rule in snake_case.
 *
 * <p>{@code compliant} is a small, correct hexagon that every rule must pass. Every other package breaks its
 * rule on purpose with a planted class whose javadoc starts with {@code VIOLATION}. These are test classes, so
 * {@code ArchitectureTest} (which imports production code only) never sees them.
 */
package dev.wxlogin.archfixtures;
