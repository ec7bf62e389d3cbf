package io.reconcraft.toolrunner.execution.live.http;

import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.NodeKind;
import io.reconcraft.events.model.Severity;
import io.reconcraft.toolrunner.execution.FindingFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Findings of one answered URL: missing security headers and a version in Server / X-Powered-By are
 * low; an expired or self-signed certificate is medium.
 */
final class HttpProbeFindings {

    static final String TOOL = NodeKind.HTTP_PROBE.wireName();
    static final List<String> SECURITY_HEADERS = List.of("Content-Security-Policy", "X-Frame-Options",
            "X-Content-Type-Options");
    static final String HSTS = "Strict-Transport-Security";
    private static final FindingFactory FINDINGS = new FindingFactory(TOOL);

    private HttpProbeFindings() {
    }

    static List<Finding> of(ProbeResponse response, Instant now) {
        if (!response.answered()) {
            return List.of();
        }
        HttpUrl url = HttpUrl.parse(response.finalUrl());
        String host = url == null ? response.finalUrl() : url.host();
        Integer port = url == null ? null : url.port();
        boolean https = url != null && url.isHttps();
        String service = https ? "https" : "http";
        List<Finding> findings = new ArrayList<>();
        List<String> expected = new ArrayList<>(SECURITY_HEADERS);
        if (https) {
            expected.add(0, HSTS);
        }
        List<String> missing = expected.stream().filter(name -> response.header(name) == null).toList();
        if (!missing.isEmpty()) {
            findings.add(FINDINGS.finding(Severity.LOW, "Missing security headers on " + response.finalUrl(),
                    "The response lacks " + String.join(", ", missing) + ".", service, port, host,
                    Map.of("url", response.finalUrl(), "missingHeaders", missing)));
        }
        for (String name : List.of("Server", "X-Powered-By")) {
            String value = response.header(name);
            if (value != null && value.matches(".*\\d.*")) {
                findings.add(FINDINGS.finding(Severity.LOW, "Version disclosed in " + name + " on " + response.finalUrl(),
                        "The " + name + " header reveals '" + value + "', which helps an attacker pick exploits.",
                        service, port, host, Map.of("url", response.finalUrl(), "header", name, "value", value)));
            }
        }
        TlsFacts tls = response.tls();
        if (tls != null && tls.expiredAt(now)) {
            findings.add(FINDINGS.finding(Severity.MEDIUM, "Expired TLS certificate on " + response.finalUrl(),
                    "The certificate of " + tls.subject() + " expired at " + tls.notAfter() + ".", service, port, host,
                    Map.of("url", response.finalUrl(), "notAfter", tls.notAfter().toString(), "subject", tls.subject())));
        }
        if (tls != null && tls.selfSigned()) {
            findings.add(FINDINGS.finding(Severity.MEDIUM, "Self-signed TLS certificate on " + response.finalUrl(),
                    "The certificate of " + tls.subject() + " is signed by itself, so clients cannot verify it.",
                    service, port, host, Map.of("url", response.finalUrl(), "subject", tls.subject())));
        }
        return findings;
    }
}
