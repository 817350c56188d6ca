package dev.wxlogin.adapters.rest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IpLiteralsTest {

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, 127.0.0.1",
            "' 10.0.0.2 ', 10.0.0.2",
            "010.000.000.001, 10.0.0.1",
            "::1, 0:0:0:0:0:0:0:1",
            "[::1], 0:0:0:0:0:0:0:1",
            "FD00::2, fd00:0:0:0:0:0:0:2",
            "::ffff:192.0.2.1, 192.0.2.1"})
    void literalsHaveOneCanonicalForm(String text, String canonical) {
        assertThat(IpLiterals.canonical(text)).hasValue(canonical);
    }

    /** None of these may reach a DNS lookup: they are refused as text. */
    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "example.com", "cafe", "256.0.0.1", "1.2.3", "1.2.3.4.5", "::g",
            "fe80::1%eth0", "unknown", ".:", "[::1"})
    void anythingElseIsNoLiteral(String text) {
        assertThat(IpLiterals.canonical(text)).isEmpty();
    }
}
