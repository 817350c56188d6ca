package dev.wxlogin.adapters.rest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ClientKeysTest {

    @ParameterizedTest
    @CsvSource({
            "64, 198.51.100.7, 198.51.100.7",
            "64, 2001:db8:1:2:3:4:5:6, 2001:db8:1:2:0:0:0:0/64",
            "64, 2001:db8:1:2:ffff:ffff:ffff:ffff, 2001:db8:1:2:0:0:0:0/64",
            "48, 2001:db8:1:2:3:4:5:6, 2001:db8:1:0:0:0:0:0/48",
            "56, 2001:db8:1:2ff:3:4:5:6, 2001:db8:1:200:0:0:0:0/56",
            "128, 2001:db8:1:2:3:4:5:6, 2001:db8:1:2:3:4:5:6/128",
            "32, 2001:db8:1:2:3:4:5:6, 2001:db8:0:0:0:0:0:0/32"})
    void anIpv6ClientIsItsNetwork(int prefixLength, String clientIp, String key) {
        assertThat(new ClientKeys(prefixLength).of(clientIp)).isEqualTo(key);
    }
}
