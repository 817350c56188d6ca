package dev.wxlogin.adapters.wechat;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * The TLS context for a WeChat client whose base URL is plain {@code http} (the sandbox, on this machine). Such a
 * client never speaks TLS (it follows no redirects), yet the JDK's {@code HttpClient} would make the JVM's default
 * context for it, reading the whole trust store: about 20 ms of the start-up's main thread. This one trusts no
 * certificate, so were it ever used it would refuse every server. An {@code https} base URL (WeChat itself) gets no
 * context from here: the client keeps the JDK's default, with its trust store and full certificate checks.
 */
final class PlainHttpTls {
    private PlainHttpTls() {}

    /** A context that trusts nobody for an http base URL; empty for https, which must keep the JDK's default. */
    static Optional<SSLContext> forBaseUrl(URI baseUrl) {
        return "http".equalsIgnoreCase(baseUrl.getScheme()) ? Optional.of(trustingNobody()) : Optional.empty();
    }

    private static SSLContext trustingNobody() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustingNobody()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no TLS", e);
        }
    }

    private static final class TrustingNobody implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw refused();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw refused();
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }

        private static CertificateException refused() {
            return new CertificateException("a client for a plain http base URL trusts no certificate");
        }
    }
}
