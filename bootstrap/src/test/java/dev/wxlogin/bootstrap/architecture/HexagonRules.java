package dev.wxlogin.bootstrap.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules that keep wxlogin hexagonal, one factory per rule.
 *
 * <p>Every factory takes the root package it guards ({@code "dev.wxlogin"} in {@link ArchitectureTest}, a
 * fixture package in {@link HexagonRulesCanFailTest}) and knows nothing else about the project: the package
 * names below the root ({@code domain}, {@code domain.port.in}, {@code domain.port.out}, {@code application},
 * {@code adapters}, {@code bootstrap}) <em>are</em> the architecture. Each rule says {@code because} in plain
 * words; that sentence is what a developer reads when the build fails.
 *
 * <p>Adapters are found by role, not by name: every package {@code adapters.<name>} (with its subpackages) is
 * one adapter, and what it does with the ports says which side it is on. An adapter with a class that implements
 * a {@code port.out} port is <em>driven</em> (the hexagon calls it); any other adapter is <em>driving</em> (it
 * exists to call {@code port.in}). So {@code adapters.grpc} or {@code adapters.queue} is checked the day it
 * appears, without an edit here. Only the technology rules name an adapter, the one that owns the technology.
 *
 * <p>Read the rules with the module map of {@code docs/architecture.md} at hand ({@code A ──► B}: A depends on B):
 * <pre>
 *   driving adapters ──► domain.port.in ◄── application ──► domain.port.out ◄── driven adapters
 *   (adapters.rest)                          (services)                        (adapters.wechat,
 *                                                                               adapters.persistence)
 *   Everyone may use the domain's values; bootstrap creates and wires everything; nothing depends on bootstrap.
 * </pre>
 *
 * <p>Every factory here is public, static, takes one {@code String} and returns an {@link ArchRule}; a
 * meta-test in {@link HexagonRulesCanFailTest} relies on exactly that shape to find the rules and to demand a
 * failing fixture for each.
 */
public final class HexagonRules {

    /**
     * The JDK packages that the core (domain and application) may use, named one by one. Never {@code "java.."}:
     * that would let {@code java.sql}, {@code java.net.http} or {@code java.nio.file} in. This is what the domain
     * uses today; widen it deliberately (for example {@code java.math} or {@code javax.crypto}) when the core
     * needs it, and say why in {@code docs/architecture.md}.
     */
    static final List<String> CORE_JDK_PACKAGES = List.of(
            "java.lang..",        // String, records, enums, exceptions (and the JDK's own invokedynamic plumbing)
            "java.util..",        // collections, Optional, Objects, HexFormat, Base64, functional interfaces
            "java.time..",        // Instant, Duration, Clock
            "java.security",      // MessageDigest, SecureRandom: hashing tokens, minting random values
            "java.nio.charset",   // StandardCharsets, to hash the bytes of a string
            "java.text");         // Normalizer: nicknames in NFC

    /** A port's simple name says what the conversation is for: {@code ForLoggingIn}, {@code ForStoringUsers}. */
    static final String PORT_NAME = "For[A-Z][A-Za-z0-9]*";

    private HexagonRules() {
    }

    // ---------------------------------------------------------------------------------------------------------
    // The shape of the hexagon
    // ---------------------------------------------------------------------------------------------------------

    /** Rule: the domain uses nothing but itself and a short, named list of JDK packages. */
    public static ArchRule domainIsPlainJava(String root) {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        packages(Stream.of(root + ".domain.."), CORE_JDK_PACKAGES))
                .because("the domain is plain Java: it must compile, test and embed without a framework, "
                        + "a database or a network, and only the JDK packages named in HexagonRules are allowed");
    }

    /** Rule: the application layer uses the domain, itself and the same JDK packages, nothing else. */
    public static ArchRule applicationDependsOnlyOnDomain(String root) {
        return classes().that().resideInAPackage(root + ".application..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        packages(Stream.of(root + ".application..", root + ".domain.."), CORE_JDK_PACKAGES))
                .because("the use cases talk to the world only through the domain's ports, "
                        + "so they can be tested with in-memory fakes and run under any adapter");
    }

    /**
     * Rule: the four rings of the hexagon and who may use whom; every class under the root belongs to a ring.
     * Siblings inside the adapters ring are kept apart by {@link #adaptersAreIndependent}.
     */
    public static ArchRule hexagonLayers(String root) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Domain").definedBy(root + ".domain..")
                .layer("Application").definedBy(root + ".application..")
                .layer("Adapters").definedBy(root + ".adapters..")
                .layer("Bootstrap").definedBy(root + ".bootstrap..")
                .whereLayer("Domain").mayNotAccessAnyLayer()
                .whereLayer("Application").mayOnlyAccessLayers("Domain")
                .whereLayer("Adapters").mayOnlyAccessLayers("Domain")
                .whereLayer("Bootstrap").mayNotBeAccessedByAnyLayer()
                .ensureAllClassesAreContainedInArchitectureIgnoring(PACKAGE_INFO)
                .because("dependencies point inwards: adapters and services know the domain, only bootstrap "
                        + "knows everything, and a class that fits no ring is a design decision to make "
                        + "explicitly, not by accident");
    }

    /** Rule: no adapter uses another adapter; each one talks to the hexagon only. */
    public static ArchRule adaptersAreIndependent(String root) {
        return slices().matching(root + ".adapters.(*)..").namingSlices("adapter '$1'")
                .should().notDependOnEachOther()
                .because("each adapter translates between one technology and the domain's ports; "
                        + "an adapter that calls another bypasses the use cases and couples two technologies");
    }

    /** Rule: a driving adapter (one that implements no port.out port) drives the hexagon through {@code port.in} only. */
    public static ArchRule drivingAdaptersUseOnlyDrivingPorts(String root) {
        return noClasses().that(resideInADrivingAdapter(root))
                .should().dependOnClassesThat().resideInAnyPackage(
                        root + ".domain.port.out..", root + ".application..")
                .because("a driving adapter asks a use case (a port.in interface) to act; calling storage "
                        + "(port.out) or a service class directly skips the use case's rules and transactions");
    }

    /** Rule: a driven adapter (one that implements a port.out port) is called by the hexagon and never calls back into it. */
    public static ArchRule drivenAdaptersDoNotCallUseCases(String root) {
        return noClasses().that(resideInADrivenAdapter(root))
                .should().dependOnClassesThat().resideInAnyPackage(
                        root + ".domain.port.in..", root + ".application..")
                .because("a driven adapter answers the questions a port.out interface asks; if it started use "
                        + "cases itself, control would flow in circles (what must call a use case is a driving "
                        + "adapter of its own)");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Ports and their implementations
    // ---------------------------------------------------------------------------------------------------------

    /**
     * Rule: a port package holds ports (interfaces named {@code For…}) and their messages (records, enums, sealed
     * interfaces), and every {@code For…} interface is a port in a port package. Messages nested in a port, such
     * as {@code ForStoringUsers.RecordedLogin}, are not top-level and are not checked.
     */
    public static ArchRule portsAreForInterfaces(String root) {
        ArchRule portPackagesHoldPortsAndMessages = classes()
                .that().resideInAnyPackage(root + ".domain.port.in..", root + ".domain.port.out..")
                .and().areTopLevelClasses()
                .and().doNotHaveSimpleName("package-info")
                .should(be(PORT_OR_MESSAGE));
        ArchRule forInterfacesAreInPortPackages = classes()
                .that().resideInAPackage(root + "..")
                .and().areTopLevelClasses()
                .and().areInterfaces()
                .and(HAVE_PORT_NAME)
                .should().resideInAnyPackage(root + ".domain.port.in..", root + ".domain.port.out..");
        return CompositeArchRule.of(portPackagesHoldPortsAndMessages).and(forInterfacesAreInPortPackages)
                .because("a port is named for the conversation it carries (ForLoggingIn, ForStoringUsers), "
                        + "never for a technology, and it lives where every reader looks for ports");
    }

    /** Rule: whatever implements a driven port is an adapter, by package and by name. */
    public static ArchRule drivenPortsAreImplementedByAdapters(String root) {
        return classes().that().implement(portIn(root + ".domain.port.out.."))
                .should().resideInAPackage(root + ".adapters..")
                .andShould().haveSimpleNameEndingWith("Adapter")
                .because("a port.out interface is implemented by technology, and technology lives in an "
                        + "adapter named <Technology><Stem>Adapter; in-memory fakes live in test sources");
    }

    /** Rule: whatever implements a driving port is an application service, by package and by name. */
    public static ArchRule drivingPortsAreImplementedByServices(String root) {
        return classes().that().implement(portIn(root + ".domain.port.in.."))
                .should().resideInAPackage(root + ".application..")
                .andShould().haveSimpleNameEndingWith("Service")
                .because("each use case (port.in) has exactly one home, a <UseCase>Service in the application "
                        + "layer; an adapter implementing a use case would hide business rules in technology code");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Spring: wiring, not modelling
    // ---------------------------------------------------------------------------------------------------------

    /** Rule: Spring (and dependency-injection annotations) appear in bootstrap only. */
    public static ArchRule springOnlyInBootstrap(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackage(root + ".bootstrap..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.inject..", "javax.inject..")
                .because("Spring is how bootstrap wires the hexagon, not part of it: domain, services and "
                        + "adapters are plain classes that take their dependencies as constructor parameters");
    }

    /** Rule: no component scanning, neither by annotation nor programmatically. */
    public static ArchRule noComponentScanning(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .should().beMetaAnnotatedWith("org.springframework.context.annotation.ComponentScan")
                .orShould().beMetaAnnotatedWith("org.springframework.context.annotation.ComponentScans")
                .orShould().callCodeUnitWhere(STARTS_A_COMPONENT_SCAN)
                .because("every bean is declared by a @Bean method in a <Area>Configuration class, "
                        + "so the wiring can be read in one place and nothing joins the application by accident");
    }

    /** Rule: no field injection; dependencies arrive through constructors and {@code @Bean} parameters. */
    public static ArchRule noFieldInjection(String root) {
        return noFields().that().areDeclaredInClassesThat().resideInAPackage(root + "..")
                .should().beAnnotatedWith(INJECTION_ANNOTATION)
                .because("an injected field hides a dependency, cannot be final and needs a container to test; "
                        + "a constructor parameter states the dependency and works with plain 'new'");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Technology confinement: each technology inside the adapter that owns it
    // ---------------------------------------------------------------------------------------------------------

    /** Rule: JDBC, Jdbi, Flyway, HikariCP and H2 only in the persistence adapter (and bootstrap, which configures the database). */
    public static ArchRule databaseOnlyInPersistenceAdapter(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackages(root + ".adapters.persistence..", root + ".bootstrap..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "java.sql..", "javax.sql..", "org.jdbi..", "org.flywaydb..", "com.zaxxer.hikari..", "org.h2..")
                .because("SQL, connections and migrations belong to the persistence adapter; the rest of "
                        + "wxlogin stores and finds things through the port.out interfaces");
    }

    /** Rule: the JDK HTTP client and the JDK HTTP server (used by the WeChat sandbox) only in the WeChat adapter. */
    public static ArchRule jdkHttpOnlyInWeChatAdapter(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackage(root + ".adapters.wechat..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "com.sun.net.httpserver..")
                .because("calling WeChat (and faking it in the sandbox) is the WeChat adapter's job; "
                        + "the rest of wxlogin asks for a login-code exchange through a port");
    }

    /** Rule: Javalin, Jetty and the servlet API only in the REST adapter. */
    public static ArchRule webServerOnlyInRestAdapter(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackage(root + ".adapters.rest..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..")
                .because("HTTP routes, status codes and problem+json are the REST adapter's concern; "
                        + "bootstrap starts the API through the REST adapter's own classes");
    }

    /** Rule: Jackson (2.x {@code com.fasterxml.jackson} and 3.x {@code tools.jackson}) only in the REST and WeChat adapters. */
    public static ArchRule jsonOnlyInAdapters(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackages(root + ".adapters.rest..", root + ".adapters.wechat..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..", "tools.jackson..")
                .because("JSON is a wire format of the REST API and the WeChat API; domain objects are not "
                        + "annotated for serialisation, the adapters map them to their own JSON shapes");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Cycles
    // ---------------------------------------------------------------------------------------------------------

    /** Rule: no two packages under the root depend on each other, directly or around a loop. */
    public static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(**)").namingSlices("package '$1'")
                .should().beFreeOfCycles()
                .because("packages that depend on each other can only be understood, tested and split together; "
                        + "a cycle usually means a type sits in the wrong package");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Building blocks
    // ---------------------------------------------------------------------------------------------------------

    /** A {@code package-info} compiles to a synthetic interface; it documents a package and is no part of the design. */
    private static final DescribedPredicate<JavaClass> PACKAGE_INFO = DescribedPredicate.describe(
            "package-info", javaClass -> javaClass.getSimpleName().equals("package-info"));

    /** The annotations that ask a container to fill a field, directly or through an annotation of one's own. */
    private static final List<String> INJECTION_ANNOTATIONS = List.of(
            "org.springframework.beans.factory.annotation.Autowired",
            "org.springframework.beans.factory.annotation.Value",
            "jakarta.inject.Inject",
            "javax.inject.Inject",
            "jakarta.annotation.Resource",
            "javax.annotation.Resource");

    private static final DescribedPredicate<JavaAnnotation<?>> INJECTION_ANNOTATION = DescribedPredicate.describe(
            "an injection annotation (@Autowired, @Value, @Inject, @Resource, or one meta-annotated with them)",
            annotation -> INJECTION_ANNOTATIONS.stream().anyMatch(name ->
                    annotation.getRawType().getName().equals(name) || annotation.getRawType().isMetaAnnotatedWith(name)));

    private static final DescribedPredicate<JavaClass> HAVE_PORT_NAME = DescribedPredicate.describe(
            "have simple name matching '" + PORT_NAME + "'",
            javaClass -> javaClass.getSimpleName().matches(PORT_NAME));

    /** What may stand at the top level of a port package: a port, or a message that a port carries. */
    private static final DescribedPredicate<JavaClass> PORT_OR_MESSAGE = DescribedPredicate.describe(
            "a port (a non-sealed interface named '" + PORT_NAME + "') "
                    + "or a message (a record, an enum or a sealed interface)",
            javaClass -> javaClass.isRecord()
                    || javaClass.isEnum()
                    || (javaClass.isInterface() && javaClass.isSealed())
                    || (javaClass.isInterface() && javaClass.getSimpleName().matches(PORT_NAME)));

    /**
     * A port: a top-level, non-sealed interface in the given package. Messages nested in a port, and sealed message
     * interfaces with the records that implement them, are not ports.
     */
    private static DescribedPredicate<JavaClass> portIn(String packageIdentifier) {
        DescribedPredicate<JavaClass> inPackage = JavaClass.Predicates.resideInAPackage(packageIdentifier);
        return DescribedPredicate.describe(
                "a port in '" + packageIdentifier + "'",
                javaClass -> javaClass.isInterface()
                        && javaClass.isTopLevelClass()
                        && !javaClass.isSealed()
                        && !PACKAGE_INFO.test(javaClass)
                        && inPackage.test(javaClass));
    }

    private static DescribedPredicate<JavaClass> resideInADrivenAdapter(String root) {
        return DescribedPredicate.describe(
                "reside in a driven adapter (a package under '" + root + ".adapters' with a class implementing "
                        + "a port of '" + root + ".domain.port.out')",
                javaClass -> adapterOf(javaClass, root).filter(adapter -> implementsADrivenPort(adapter, root)).isPresent());
    }

    private static DescribedPredicate<JavaClass> resideInADrivingAdapter(String root) {
        return DescribedPredicate.describe(
                "reside in a driving adapter (a package under '" + root + ".adapters' with no class implementing "
                        + "a port of '" + root + ".domain.port.out')",
                javaClass -> adapterOf(javaClass, root).filter(adapter -> !implementsADrivenPort(adapter, root)).isPresent());
    }

    /** The adapter a class belongs to: its package {@code <root>.adapters.<name>}, whatever the name. */
    private static Optional<JavaPackage> adapterOf(JavaClass javaClass, String root) {
        String adapters = root + ".adapters";
        for (Optional<JavaPackage> candidate = Optional.of(javaClass.getPackage()); candidate.isPresent();
                candidate = candidate.get().getParent()) {
            if (candidate.get().getParent().filter(parent -> parent.getName().equals(adapters)).isPresent()) {
                return candidate;
            }
        }
        return Optional.empty();
    }

    private static boolean implementsADrivenPort(JavaPackage adapter, String root) {
        DescribedPredicate<JavaClass> drivenPort = portIn(root + ".domain.port.out..");
        return adapter.getClassesInPackageTree().stream()
                .anyMatch(javaClass -> javaClass.getAllRawInterfaces().stream().anyMatch(drivenPort));
    }

    /**
     * Calls that make Spring scan the classpath for components: any {@code scan(..)} of a Spring context, the
     * {@code AnnotationConfigApplicationContext(String... basePackages)} constructor, and the scanner itself.
     * {@code new AnnotationConfigApplicationContext(SomeConfiguration.class)} is fine.
     */
    private static final DescribedPredicate<JavaCall<?>> STARTS_A_COMPONENT_SCAN = DescribedPredicate.describe(
            "a Spring component scan (context.scan(..), new AnnotationConfigApplicationContext(String...), "
                    + "ClassPathBeanDefinitionScanner)",
            call -> {
                String owner = call.getTargetOwner().getName();
                String name = call.getName();
                if (owner.equals("org.springframework.context.annotation.ClassPathBeanDefinitionScanner")) {
                    return true;
                }
                if (!owner.startsWith("org.springframework.context.")) {
                    return false;
                }
                if (name.equals("scan")) {
                    return true;
                }
                List<JavaClass> parameters = call.getTarget().getRawParameterTypes();
                return name.equals(JavaConstructor.CONSTRUCTOR_NAME)
                        && parameters.size() == 1
                        && parameters.get(0).isArray()
                        && parameters.get(0).getComponentType().getName().equals(String.class.getName());
            });

    private static String[] packages(Stream<String> own, List<String> jdk) {
        return Stream.concat(own, jdk.stream()).toArray(String[]::new);
    }
}
