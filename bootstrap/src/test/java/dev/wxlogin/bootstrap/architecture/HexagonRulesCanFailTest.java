package dev.wxlogin.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Proves that every rule of {@link HexagonRules} can fail, and fails for the right reason.
 *
 * <p>A rule that never fails looks exactly like a rule that is never broken. So for each rule there is a fixture:
 * a miniature hexagon in {@code dev.wxlogin.archfixtures.<rule_in_snake_case>} with a planted class (javadoc:
 * {@code VIOLATION of <rule>}) that breaks it. The rule is applied to the fixture as its root package and must
 * report the planted class. The opposite check, that no rule is vacuous or too broad, is
 * {@code archfixtures.compliant}: a correct miniature hexagon, with something for every rule to look at, that
 * every rule must pass.
 *
 * <p>Three details make these tests trustworthy:
 * <ul>
 *   <li>Rules are run with {@link ArchRule#evaluate}, not {@code check}: {@code check} throws the same
 *       {@link AssertionError} when a rule found nothing to check as when it found a violation, so a fixture that
 *       is merely empty or misspelt would look like a success.</li>
 *   <li>On fixtures the rules allow an empty subject ({@code allowEmptyShould(true)}), so the only way to fail is
 *       a violation; on the compliant hexagon they do not ({@code allowEmptyShould(false)}), so a rule that passes
 *       there only because it checked nothing fails the test.</li>
 *   <li>The failure report must name the planted class, and no other rule may name it unless the table below
 *       says so: each planted class breaks exactly the rules it is meant to break.</li>
 * </ul>
 *
 * <p>Meta-tests keep the three places in step: every factory in {@link HexagonRules} has a fixture here and a
 * field in {@link ArchitectureTest}, and every fixture package belongs to a rule.
 */
class HexagonRulesCanFailTest {

    static final String FIXTURES = "dev.wxlogin.archfixtures";
    static final String COMPLIANT = FIXTURES + ".compliant";
    /** Adapter names that appear in fixtures only, never in a rule. */
    static final List<String> UNNAMED_ADAPTERS = List.of("grpc", "queue");

    /**
     * One entry per rule: the classes planted in its fixture (relative to the fixture root) and, for a planted class
     * that unavoidably breaks a second rule as well, that rule's name.
     */
    static final List<Fixture> FIXTURE_TABLE = List.of(
            fixture("domainIsPlainJava",
                    plant("domain.session.SessionTable", "databaseOnlyInPersistenceAdapter")),
            fixture("applicationDependsOnlyOnDomain",
                    plant("application.LoginService")),
            fixture("hexagonLayers",
                    plant("adapters.rest.HealthEndpoint"),
                    plant("shared.Strings")),
            fixture("adaptersAreIndependent",
                    plant("adapters.rest.AdminEndpoint")),
            fixture("drivingAdaptersUseOnlyDrivingPorts",
                    plant("adapters.rest.LogoutEndpoint"),
                    plant("adapters.rest.LoginEndpoint", "hexagonLayers"),
                    plant("adapters.grpc.GrpcSessionsEndpoint")),
            fixture("drivenAdaptersDoNotCallUseCases",
                    plant("adapters.wechat.SandboxLoginButton"),
                    plant("adapters.persistence.ExpiredSessionSweeper", "hexagonLayers"),
                    plant("adapters.queue.QueueSessionEventsAdapter")),
            fixture("portsAreForInterfaces",
                    plant("domain.port.out.SessionRepository"),
                    plant("domain.port.in.DefaultLogin"),
                    plant("domain.session.ForExpiringSessions")),
            fixture("drivenPortsAreImplementedByAdapters",
                    plant("adapters.persistence.JdbiSessionStorage"),
                    plant("application.InMemorySessionStorageAdapter")),
            fixture("drivingPortsAreImplementedByServices",
                    plant("application.LoginUseCase"),
                    plant("adapters.rest.LoginService")),
            fixture("springOnlyInBootstrap",
                    plant("adapters.rest.LoginController")),
            fixture("noComponentScanning",
                    plant("bootstrap.ScanningConfiguration"),
                    plant("bootstrap.ScanningLauncher")),
            fixture("noFieldInjection",
                    plant("bootstrap.SchedulingConfiguration"),
                    plant("bootstrap.ServerConfiguration")),
            fixture("databaseOnlyInPersistenceAdapter",
                    plant("adapters.rest.HealthEndpoint")),
            fixture("jdkHttpOnlyInWeChatAdapter",
                    plant("adapters.persistence.BackupUploader")),
            fixture("webServerOnlyInRestAdapter",
                    plant("bootstrap.ServerLauncher")),
            fixture("jsonOnlyInAdapters",
                    plant("adapters.persistence.ClientInfoColumn")),
            fixture("noPackageCycles",
                    plant("domain.user.User")));

    // ---------------------------------------------------------------------------------------------------------
    // Each rule fails on its fixture, naming the planted class, and only there
    // ---------------------------------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> everyRuleFailsOnItsFixtureAndNamesThePlantedClass() {
        return FIXTURE_TABLE.stream().flatMap(fixture -> fixture.plants().stream().map(plant -> dynamicTest(
                fixture.rule() + " reports " + plant.relativeName(),
                () -> {
                    JavaClasses classes = fixture.importClasses();
                    String planted = fixture.root() + "." + plant.relativeName();
                    assertThat(classes.contain(planted))
                            .as("the fixture of %s contains the planted class %s", fixture.rule(), planted)
                            .isTrue();

                    EvaluationResult result = rule(fixture.rule(), fixture.root()).allowEmptyShould(true).evaluate(classes);

                    assertThat(result.hasViolation())
                            .as("%s should fail on its fixture %s", fixture.rule(), fixture.root())
                            .isTrue();
                    assertThat(names(report(result), planted))
                            .as("the failure report of %s should name %s; it was:%n%s", fixture.rule(), planted, report(result))
                            .isTrue();
                })));
    }

    @TestFactory
    Stream<DynamicTest> eachPlantedClassBreaksExactlyTheRulesItIsMeantToBreak() {
        return FIXTURE_TABLE.stream().flatMap(fixture -> fixture.plants().stream().map(plant -> dynamicTest(
                plant.relativeName() + " in " + fixture.rule(),
                () -> {
                    JavaClasses classes = fixture.importClasses();
                    String planted = fixture.root() + "." + plant.relativeName();
                    Set<String> rulesNamingIt = new TreeSet<>();
                    for (String ruleName : ruleFactories().keySet()) {
                        EvaluationResult result = rule(ruleName, fixture.root()).allowEmptyShould(true).evaluate(classes);
                        if (result.hasViolation() && names(report(result), planted)) {
                            rulesNamingIt.add(ruleName);
                        }
                    }
                    Set<String> expected = new TreeSet<>(plant.alsoBreaks());
                    expected.add(fixture.rule());
                    assertThat(rulesNamingIt)
                            .as("rules whose failure report names %s", planted)
                            .isEqualTo(expected);
                })));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Every rule passes on a correct hexagon, having checked something
    // ---------------------------------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> theCompliantHexagonPassesEveryRule() {
        JavaClasses compliant = importPackage(COMPLIANT);
        return ruleFactories().keySet().stream().map(ruleName -> dynamicTest(ruleName, () -> {
            EvaluationResult result = rule(ruleName, COMPLIANT).allowEmptyShould(false).evaluate(compliant);
            assertThat(result.hasViolation())
                    .as("%s should pass on %s (and find something to check there); it reported:%n%s",
                            ruleName, COMPLIANT, report(result))
                    .isFalse();
        }));
    }

    // ---------------------------------------------------------------------------------------------------------
    // A new adapter is covered the day it appears
    // ---------------------------------------------------------------------------------------------------------

    /**
     * The fixtures plant violations in adapters that wxlogin does not have ({@code adapters.grpc},
     * {@code adapters.queue}), and {@link #everyRuleFailsOnItsFixtureAndNamesThePlantedClass} proves that the rules
     * report them. This test proves that no rule was taught those names: rules know adapters by their role.
     */
    @Test
    void rulesCatchViolationsInAdaptersThatNoRuleNames() {
        Set<String> adaptersWithPlants = FIXTURE_TABLE.stream()
                .flatMap(fixture -> fixture.plants().stream())
                .map(plant -> plant.relativeName().split("\\."))
                .filter(parts -> parts[0].equals("adapters"))
                .map(parts -> parts[1])
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(adaptersWithPlants).as("adapters with planted violations").containsAll(UNNAMED_ADAPTERS);
        assertThat(importPackage(COMPLIANT).stream().map(JavaClass::getPackageName))
                .as("the compliant hexagon has an adapter no rule names")
                .anyMatch(packageName -> UNNAMED_ADAPTERS.stream()
                        .anyMatch(name -> packageName.startsWith(COMPLIANT + ".adapters." + name)));
        ruleFactories().keySet().forEach(ruleName -> assertThat(rule(ruleName, ArchitectureTest.ROOT).getDescription())
                .as("the description of %s", ruleName)
                .doesNotContain(UNNAMED_ADAPTERS.stream().map(name -> ".adapters." + name).toArray(String[]::new)));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Meta-tests: rules, fixtures and ArchitectureTest stay in step
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void everyPublicStaticMethodOfHexagonRulesIsARuleFactory() {
        List<String> notFactories = Arrays.stream(HexagonRules.class.getDeclaredMethods())
                .filter(HexagonRulesCanFailTest::isPublicStatic)
                .filter(method -> !isRuleFactory(method))
                .map(Method::getName)
                .toList();
        assertThat(notFactories)
                .as("public static methods of HexagonRules must have the shape 'static ArchRule name(String root)'")
                .isEmpty();
        assertThat(ruleFactories()).isNotEmpty();
    }

    @Test
    void everyRuleHasAFixtureAndEveryFixtureARule() {
        Set<String> fixtures = FIXTURE_TABLE.stream().map(Fixture::rule).collect(Collectors.toCollection(TreeSet::new));
        assertThat(fixtures)
                .as("rules in FIXTURE_TABLE (each rule needs a fixture that breaks it; remove the fixture of a removed rule)")
                .isEqualTo(ruleFactories().keySet());
        assertThat(FIXTURE_TABLE).as("one entry per rule").hasSameSizeAs(fixtures);
        assertThat(FIXTURE_TABLE).allSatisfy(fixture -> assertThat(fixture.plants()).isNotEmpty());
    }

    @Test
    void everyFixturePackageBelongsToARule() {
        Set<String> expected = FIXTURE_TABLE.stream().map(Fixture::root).collect(Collectors.toCollection(TreeSet::new));
        expected.add(COMPLIANT);
        Set<String> present = importPackage(FIXTURES).stream()
                .map(javaClass -> javaClass.getPackageName())
                .filter(packageName -> packageName.startsWith(FIXTURES + "."))
                .map(packageName -> FIXTURES + "." + packageName.substring(FIXTURES.length() + 1).split("\\.")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(present).as("fixture packages under %s", FIXTURES).isEqualTo(expected);
    }

    @Test
    void architectureTestAppliesEveryRuleToTheRealCode() throws IllegalAccessException {
        Map<String, String> applied = new TreeMap<>();
        for (Field field : ArchitectureTest.class.getDeclaredFields()) {
            if (field.isAnnotationPresent(ArchTest.class)) {
                applied.put(field.getName(), ((ArchRule) field.get(null)).getDescription());
            }
        }
        assertThat(applied.keySet())
                .as("@ArchTest fields of ArchitectureTest, one per factory of HexagonRules and named after it")
                .isEqualTo(ruleFactories().keySet());
        applied.forEach((ruleName, description) -> assertThat(description)
                .as("ArchitectureTest.%s applies HexagonRules.%s to %s", ruleName, ruleName, ArchitectureTest.ROOT)
                .isEqualTo(rule(ruleName, ArchitectureTest.ROOT).getDescription()));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Plumbing
    // ---------------------------------------------------------------------------------------------------------

    record Plant(String relativeName, Set<String> alsoBreaks) {
    }

    record Fixture(String rule, List<Plant> plants) {
        /** {@code domainIsPlainJava} → {@code dev.wxlogin.archfixtures.domain_is_plain_java}. */
        String root() {
            return FIXTURES + "." + rule.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
        }

        JavaClasses importClasses() {
            return importPackage(root());
        }
    }

    static Fixture fixture(String rule, Plant... plants) {
        return new Fixture(rule, List.of(plants));
    }

    static Plant plant(String relativeName, String... alsoBreaks) {
        return new Plant(relativeName, Set.of(alsoBreaks));
    }

    private static final Map<String, JavaClasses> IMPORTED = new HashMap<>();

    /** Imports a fixture package from the test class path; test classes are included, which is the point. */
    static synchronized JavaClasses importPackage(String packageName) {
        return IMPORTED.computeIfAbsent(packageName, name -> new ClassFileImporter().importPackages(name));
    }

    static Map<String, Method> ruleFactories() {
        return Arrays.stream(HexagonRules.class.getDeclaredMethods())
                .filter(HexagonRulesCanFailTest::isPublicStatic)
                .filter(HexagonRulesCanFailTest::isRuleFactory)
                .collect(Collectors.toMap(Method::getName, method -> method, (a, b) -> {
                    throw new IllegalStateException("overloaded rule factory " + a.getName());
                }, TreeMap::new));
    }

    static ArchRule rule(String name, String root) {
        Method factory = ruleFactories().get(name);
        assertThat(factory).as("HexagonRules.%s(String)", name).isNotNull();
        try {
            return (ArchRule) factory.invoke(null, root);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build rule " + name, e);
        }
    }

    private static boolean isPublicStatic(Method method) {
        return Modifier.isPublic(method.getModifiers()) && Modifier.isStatic(method.getModifiers());
    }

    private static boolean isRuleFactory(Method method) {
        return method.getReturnType() == ArchRule.class
                && Arrays.equals(method.getParameterTypes(), new Class<?>[] {String.class});
    }

    private static String report(EvaluationResult result) {
        return String.join(System.lineSeparator(), result.getFailureReport().getDetails());
    }

    /** Whether the report names the class itself (not merely a class whose name starts with the same letters). */
    private static boolean names(String report, String className) {
        return Pattern.compile(Pattern.quote(className) + "(?![\\w$])").matcher(report).find();
    }
}
