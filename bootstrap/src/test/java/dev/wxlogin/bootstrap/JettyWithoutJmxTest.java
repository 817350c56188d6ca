package dev.wxlogin.bootstrap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

import static dev.wxlogin.bootstrap.JettyWithoutJmx.REFERENCES_PER_CACHE_LINE;
import static org.assertj.core.api.Assertions.assertThat;

@ResourceLock(Resources.SYSTEM_PROPERTIES)
class JettyWithoutJmxTest {
    private final String before = System.getProperty(REFERENCES_PER_CACHE_LINE);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(REFERENCES_PER_CACHE_LINE);
        } else {
            System.setProperty(REFERENCES_PER_CACHE_LINE, before);
        }
    }

    @Test
    void compressedReferencesBelow32GiBOfHeapFill16ToALineAndUncompressedOnes8() {
        System.clearProperty(REFERENCES_PER_CACHE_LINE);
        JettyWithoutJmx.tellJetty(128L << 20);
        assertThat(System.getProperty(REFERENCES_PER_CACHE_LINE)).isEqualTo("16");

        System.clearProperty(REFERENCES_PER_CACHE_LINE);
        JettyWithoutJmx.tellJetty(32L << 30);
        assertThat(System.getProperty(REFERENCES_PER_CACHE_LINE)).isEqualTo("8");
    }

    @Test
    void whatTheOperatorSetStays() {
        System.setProperty(REFERENCES_PER_CACHE_LINE, "4");
        JettyWithoutJmx.tellJetty(128L << 20);
        assertThat(System.getProperty(REFERENCES_PER_CACHE_LINE)).isEqualTo("4");
    }
}
