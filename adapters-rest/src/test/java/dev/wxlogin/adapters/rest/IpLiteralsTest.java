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

    @ParameterizedTest
    @CsvSource({
            "198.51.100.7, 198.51.100.7",
            "198.51.100.7:5678, 198.51.100.7",
            "' 198.51.100.7:80 ', 198.51.100.7",
            "[2001:db8::1]:443, 2001:db8:0:0:0:0:0:1",
            "[2001:db8::1], 2001:db8:0:0:0:0:0:1",
            "2001:db8::1, 2001:db8:0:0:0:0:0:1",
            "[::ffff:192.0.2.1]:8443, 192.0.2.1"})
    void aForwardedHopMayCarryAPort(String hop, String address) {
        assertThat(IpLiterals.forwardedAddress(hop)).hasValueSatisfying(
                parsed -> assertThat(parsed.getHostAddress()).isEqualTo(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"198.51.100.7:", "198.51.100.7:123456", "[2001:db8::1]:", "[2001:db8::1]:x", "example.com:80",
            "[example.com]:80", "unknown", "_hidden"})
    void aForwardedHopThatIsNoAddressIsRefused(String hop) {
        assertThat(IpLiterals.forwardedAddress(hop)).isEmpty();
    }

    /** None of these may reach a DNS lookup: they are refused as text. */
    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "example.com", "cafe", "256.0.0.1", "1.2.3", "1.2.3.4.5", "::g",
            "fe80::1%eth0", "unknown", ".:", "[::1"})
    void anythingElseIsNoLiteral(String text) {
        assertThat(IpLiterals.canonical(text)).isEmpty();
    }
}
