package dev.wxlogin.adapters.persistence.testing;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class once on each {@link Engine}, its tests beside those of other classes. Without
 * {@code @Execution}, JUnit runs a top-level {@code @ParameterizedClass} in {@code mode.default} (same thread)
 * whatever {@code mode.classes.default} says (that default applies to plain classes only), so every such class
 * waited for the one before it, and the module's tests spent most of their time one MariaDB migration after another.
 *
 * <p>{@code CONCURRENT} reaches the tests too: for classes whose every test opens its own database or server.
 * A class whose tests share something per engine (a server started once per engine) keeps
 * {@code @ParameterizedClass @EnumSource(Engine.class)}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass
@EnumSource(Engine.class)
@Execution(ExecutionMode.CONCURRENT)
public @interface OnEveryEngine {
}
