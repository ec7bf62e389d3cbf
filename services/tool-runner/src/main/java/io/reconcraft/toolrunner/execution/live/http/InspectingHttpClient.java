package io.reconcraft.toolrunner.execution.live.http;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * The OkHttp client of the probe. It follows no redirect by itself (the probe checks each hop's scope
 * first), keeps no cookies or cache, and ACCEPTS ANY CERTIFICATE: the probe's job is to report an
 * expired or self-signed certificate, which a verifying client would refuse to show. That is safe only
 * because the probe sends no credentials or data of its own and trusts nothing it receives; never use
 * this client for anything else.
 */
final class InspectingHttpClient {

    private InspectingHttpClient() {
    }

    static OkHttpClient create(HttpProbeProperties properties) {
        X509TrustManager acceptAll = new AcceptAnyCertificate();
        SSLContext tls;
        try {
            tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {acceptAll}, new SecureRandom());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has TLS", e);
        }
        return new OkHttpClient.Builder()
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectTimeout(properties.connectTimeout())
                .readTimeout(properties.requestTimeout())
                .callTimeout(properties.requestTimeout())
                .sslSocketFactory(tls.getSocketFactory(), acceptAll)
                .hostnameVerifier((host, session) -> true)
                .addNetworkInterceptor(PeerCertificate.CAPTURE)
                .build();
    }

    private static final class AcceptAnyCertificate implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // the probe never acts as a TLS server
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // inspection only: the certificate is reported, not trusted
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
