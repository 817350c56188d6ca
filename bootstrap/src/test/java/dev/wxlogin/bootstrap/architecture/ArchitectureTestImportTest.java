package dev.wxlogin.bootstrap.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link ArchitectureTest} imports: production classes from directories and jars, no test code of any kind. */
class ArchitectureTestImportTest {

    private final ImportOption testJars = new ArchitectureTest.DoNotIncludeTestJars();
    private final ImportOption testDirectories = new ImportOption.DoNotIncludeTests();

    @Test
    void siblingModulesArrivingAsJarsAreImported() {
        Location jar = Location.of(URI.create(
                "jar:file:/work/main/domain/target/wxlogin-domain-0.1.0-SNAPSHOT.jar!/dev/wxlogin/domain/user/User.class"));
        assertThat(testJars.includes(jar)).isTrue();
        assertThat(testDirectories.includes(jar)).isTrue();
    }

    @Test
    void testJarsAreLeftOut() {
        Location testJar = Location.of(URI.create(
                "jar:file:/work/main/domain/target/wxlogin-domain-0.1.0-SNAPSHOT-tests.jar!/dev/wxlogin/domain/Fake.class"));
        assertThat(testJars.includes(testJar)).isFalse();
    }

    @Test
    void testClassDirectoriesAreLeftOut() {
        Location testClasses = Location.of(URI.create(
                "file:/work/main/bootstrap/target/test-classes/dev/wxlogin/archfixtures/compliant/domain/Greeting.class"));
        assertThat(testDirectories.includes(testClasses)).isFalse();
    }
}
