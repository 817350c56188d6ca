package dev.wxlogin.adapters.wechat;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox's http client is spared the JDK's default TLS context; WeChat's https client keeps it. */
class PlainHttpTlsTest {
    @Test
    void anHttpsBaseUrlKeepsTheJdksDefaultContextWithItsTrustStore() {
        assertThat(PlainHttpTls.forBaseUrl(WeChatApiSettings.WECHAT_BASE_URL)).isEmpty();
        assertThat(PlainHttpTls.forBaseUrl(URI.create("HTTPS://127.0.0.1:8443"))).isEmpty();
    }

    @Test
    void anHttpBaseUrlGetsAContextOfItsOwnInsteadOfTheDefault() throws Exception {
        assertThat(PlainHttpTls.forBaseUrl(URI.create("http://127.0.0.1:8081"))).get()
                .isNotSameAs(SSLContext.getDefault())
                .extracting(SSLContext::getProtocol).isEqualTo("TLS");
    }
}
