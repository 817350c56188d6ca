package dev.wxlogin.bootstrap.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.util.regex.Pattern;

/**
 * Applies every rule of {@link HexagonRules} to the production code of all wxlogin modules.
 *
 * <p>One field per rule, so that each rule is reported (and fails) on its own instead of the first failing
 * {@code check()} hiding the others. The field names are the factory names; {@link HexagonRulesCanFailTest}
 * fails if a factory has no field here.
 *
 * <p>Imported: everything under {@code dev.wxlogin} on the test class path, which in a Maven reactor build is
 * this module's classes plus the other modules' jars; so no {@code DoNotIncludeJars}. Test code is left out
 * (it may hold in-memory fakes of driven ports, and the {@code dev.wxlogin.archfixtures} packages that break
 * the rules on purpose), both as class directories and as {@code -tests.jar} artifacts.
 */
@AnalyzeClasses(
        packages = ArchitectureTest.ROOT,
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {

    static final String ROOT = "dev.wxlogin";

    @ArchTest
    static final ArchRule domainIsPlainJava = HexagonRules.domainIsPlainJava(ROOT);

    @ArchTest
    static final ArchRule applicationDependsOnlyOnDomain = HexagonRules.applicationDependsOnlyOnDomain(ROOT);

    @ArchTest
    static final ArchRule hexagonLayers = HexagonRules.hexagonLayers(ROOT);

    @ArchTest
    static final ArchRule adaptersAreIndependent = HexagonRules.adaptersAreIndependent(ROOT);

    @ArchTest
    static final ArchRule drivingAdaptersUseOnlyDrivingPorts = HexagonRules.drivingAdaptersUseOnlyDrivingPorts(ROOT);

    @ArchTest
    static final ArchRule drivenAdaptersDoNotCallUseCases = HexagonRules.drivenAdaptersDoNotCallUseCases(ROOT);

    @ArchTest
    static final ArchRule portsAreForInterfaces = HexagonRules.portsAreForInterfaces(ROOT);

    @ArchTest
    static final ArchRule drivenPortsAreImplementedByAdapters = HexagonRules.drivenPortsAreImplementedByAdapters(ROOT);

    @ArchTest
    static final ArchRule drivingPortsAreImplementedByServices = HexagonRules.drivingPortsAreImplementedByServices(ROOT);

    @ArchTest
    static final ArchRule springOnlyInBootstrap = HexagonRules.springOnlyInBootstrap(ROOT);

    @ArchTest
    static final ArchRule noComponentScanning = HexagonRules.noComponentScanning(ROOT);

    @ArchTest
    static final ArchRule noFieldInjection = HexagonRules.noFieldInjection(ROOT);

    @ArchTest
    static final ArchRule databaseOnlyInPersistenceAdapter = HexagonRules.databaseOnlyInPersistenceAdapter(ROOT);

    @ArchTest
    static final ArchRule jdkHttpOnlyInWeChatAdapter = HexagonRules.jdkHttpOnlyInWeChatAdapter(ROOT);

    @ArchTest
    static final ArchRule webServerOnlyInRestAdapter = HexagonRules.webServerOnlyInRestAdapter(ROOT);

    @ArchTest
    static final ArchRule jsonOnlyInAdapters = HexagonRules.jsonOnlyInAdapters(ROOT);

    @ArchTest
    static final ArchRule noPackageCycles = HexagonRules.noPackageCycles(ROOT);

    /**
     * Leaves out Maven test-jars ({@code wxlogin-domain-…-tests.jar} shares the domain's in-memory fakes and port
     * contracts): {@link ImportOption.DoNotIncludeTests} recognises test class directories, not test artifacts.
     */
    public static final class DoNotIncludeTestJars implements ImportOption {
        private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");

        @Override
        public boolean includes(Location location) {
            return !location.matches(TEST_JAR);
        }
    }
}
