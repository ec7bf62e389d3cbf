package io.reconcraft.toolrunner.execution.live.http;

import java.io.IOException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Where a request's server certificate is put. OkHttp's own Handshake only shows the certificates it
 * could chain to a trusted root — none, with the probe's accept-any trust manager — so a network
 * interceptor reads the leaf from the TLS session itself and stores it in the request's tag.
 */
final class PeerCertificate {

    private volatile X509Certificate leaf;
    private volatile String protocol;

    X509Certificate leaf() {
        return leaf;
    }

    String protocol() {
        return protocol;
    }

    static final Interceptor CAPTURE = new Interceptor() {
        @Override
        public Response intercept(Chain chain) throws IOException {
            PeerCertificate holder = chain.request().tag(PeerCertificate.class);
            Connection connection = chain.connection();
            if (holder != null && connection != null && connection.socket() instanceof SSLSocket tls) {
                holder.capture(tls.getSession());
            }
            return chain.proceed(chain.request());
        }
    };

    private void capture(SSLSession session) {
        try {
            Certificate[] chain = session.getPeerCertificates();
            if (chain.length > 0 && chain[0] instanceof X509Certificate x509) {
                leaf = x509;
                protocol = session.getProtocol();
            }
        } catch (SSLPeerUnverifiedException e) {
            leaf = null;
        }
    }
}
