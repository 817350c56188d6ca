package dev.wxlogin.adapters.rest;

import dev.wxlogin.domain.login.LoginCommand;
import dev.wxlogin.domain.session.SessionToken;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The client IP a session records: the peer, or what our own proxies say the peer was. */
class ClientAddressTest {

    @Test
    void withoutTrustedProxiesForwardedForIsIgnored() {
        try (TestServer server = TestServer.start()) {
            assertThat(clientIpOfLogin(server, "198.51.100.23")).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void aPeerThatIsNotATrustedProxyCannotClaimAnAddress() {
        try (TestServer server = TestServer.trusting("10.0.0.2")) {
            assertThat(clientIpOfLogin(server, "198.51.100.23")).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void behindATrustedProxyTheLastHopItAddedIsTheClient() {
        try (TestServer server = TestServer.trusting("127.0.0.1")) {
            // The client wrote the first hop itself; our proxy appended the address it actually saw.
            assertThat(clientIpOfLogin(server, "6.6.6.6, 198.51.100.23")).isEqualTo("198.51.100.23");
        }
    }

    @Test
    void trustedHopsAreSkippedFromTheRight() {
        try (TestServer server = TestServer.trusting("127.0.0.1", "10.0.0.2")) {
            assertThat(clientIpOfLogin(server, "6.6.6.6, 198.51.100.23, 10.0.0.2")).isEqualTo("198.51.100.23");
        }
    }

    @Test
    void trustedProxiesMatchInAnyNotationOfTheirAddress() {
        try (TestServer server = TestServer.trusting("::ffff:127.0.0.1", "fd00:0:0:0:0:0:0:2")) {
            assertThat(clientIpOfLogin(server, "198.51.100.23, [fd00::2]")).isEqualTo("198.51.100.23");
        }
    }

    @Test
    void trustedProxiesMayBeCidrBlocks() {
        try (TestServer server = TestServer.trusting("127.0.0.0/8", "10.0.0.0/8", "2001:db8::/32")) {
            assertThat(clientIpOfLogin(server, "6.6.6.6, 198.51.100.23, 10.1.2.3, [2001:db8:ff::1]"))
                    .isEqualTo("198.51.100.23");
        }
    }

    @Test
    void anAddressJustOutsideATrustedBlockIsTheClient() {
        try (TestServer server = TestServer.trusting("127.0.0.1", "10.0.0.0/24")) {
            assertThat(clientIpOfLogin(server, "198.51.100.23, 10.0.1.1, 10.0.0.255")).isEqualTo("10.0.1.1");
        }
    }

    @Test
    void aPortOnAHopIsDropped() {
        try (TestServer server = TestServer.trusting("127.0.0.1", "10.0.0.2")) {
            assertThat(clientIpOfLogin(server, "198.51.100.23:5678, 10.0.0.2:80")).isEqualTo("198.51.100.23");
        }
        try (TestServer server = TestServer.trusting("127.0.0.1")) {
            assertThat(clientIpOfLogin(server, "[2001:db8::1]:443")).isEqualTo("2001:db8:0:0:0:0:0:1");
        }
    }

    @Test
    void aHopThatIsNoAddressFallsBackToThePeer() {
        try (TestServer server = TestServer.trusting("127.0.0.1")) {
            assertThat(clientIpOfLogin(server, "evil.example.com")).isEqualTo("127.0.0.1");
        }
    }

    private static String clientIpOfLogin(TestServer server, String forwardedFor) {
        when(server.loggingIn.logIn(any())).thenReturn(Fixtures.loginResult(SessionToken.generate(), false, Optional.empty()));
        assertThat(server.postJson("/api/v1/login", "{\"code\":\"abc\"}", "X-Forwarded-For", forwardedFor).statusCode())
                .isEqualTo(200);
        ArgumentCaptor<LoginCommand> command = ArgumentCaptor.forClass(LoginCommand.class);
        verify(server.loggingIn).logIn(command.capture());
        return command.getValue().client().ip();
    }
}
