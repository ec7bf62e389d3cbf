package io.reconcraft.toolrunner.execution.live.http;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the probe reports about a server's TLS certificate (the leaf the server presented). */
record TlsFacts(String subject, String issuer, Instant notAfter, boolean selfSigned, String tlsVersion) {

    static TlsFacts of(PeerCertificate peer) {
        X509Certificate leaf = peer.leaf();
        if (leaf == null) {
            return null;
        }
        return new TlsFacts(leaf.getSubjectX500Principal().getName(), leaf.getIssuerX500Principal().getName(),
                leaf.getNotAfter().toInstant(), selfSigned(leaf), peer.protocol());
    }

    boolean expiredAt(Instant now) {
        return notAfter.isBefore(now);
    }

    Map<String, Object> toOutput(Instant now) {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("subject", subject);
        output.put("issuer", issuer);
        output.put("notAfter", notAfter.toString());
        output.put("expired", expiredAt(now));
        output.put("selfSigned", selfSigned);
        output.put("tlsVersion", tlsVersion);
        return output;
    }

    private static boolean selfSigned(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
