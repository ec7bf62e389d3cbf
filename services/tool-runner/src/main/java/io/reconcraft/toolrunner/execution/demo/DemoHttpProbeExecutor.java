package io.reconcraft.toolrunner.execution.demo;

import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.NodeKind;
import io.reconcraft.events.model.Severity;
import io.reconcraft.toolrunner.execution.FindingFactory;
import io.reconcraft.toolrunner.execution.ProbeUrls.ProbeUrl;
import io.reconcraft.toolrunner.execution.ProbeUrls;
import io.reconcraft.toolrunner.execution.StepContext;
import io.reconcraft.toolrunner.execution.StepExecutor;
import io.reconcraft.toolrunner.execution.StepLog;
import io.reconcraft.toolrunner.execution.StepResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Canned HTTP probe: a plausible response per URL, derived from the URL and upstream facts; sends no request. */
public class DemoHttpProbeExecutor implements StepExecutor {

    static final String TOOL = NodeKind.HTTP_PROBE.wireName();
    static final List<String> SECURITY_HEADERS = List.of("Strict-Transport-Security", "Content-Security-Policy",
            "X-Frame-Options", "X-Content-Type-Options");
    private static final FindingFactory FINDINGS = new FindingFactory(TOOL);

    @Override
    public StepResult execute(StepContext context) {
        StepRequested step = context.step();
        StepLog log = context.log();
        List<ProbeUrl> urls = ProbeUrls.of(step);
        log.line("http-probe: " + urls.size() + " URL(s) [demo mode: canned responses, no requests sent]");
        List<Map<String, Object>> responses = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (ProbeUrl url : urls) {
            Map<String, String> headers = headersOf(url);
            String server = headers.get("Server");
            String title = title(server);
            log.line("GET " + url.url() + " -> 200 OK \"" + title + "\" (" + server + ")");
            List<String> missing = SECURITY_HEADERS.stream().filter(h -> !headers.containsKey(h)).toList();
            if (!missing.isEmpty()) {
                log.line("  missing security headers: " + String.join(", ", missing));
                findings.add(FINDINGS.finding(Severity.LOW, "Missing security headers on " + url.url(),
                        "The response lacks " + String.join(", ", missing) + ".", serviceOf(url), url.port(),
                        url.host(), Map.of("url", url.url(), "missingHeaders", missing)));
            }
            if (server.matches(".*\\d.*")) {
                findings.add(FINDINGS.finding(Severity.LOW, "Server version disclosed on " + url.url(),
                        "The Server header reveals '" + server + "', which helps an attacker pick exploits.",
                        serviceOf(url), url.port(), url.host(), Map.of("url", url.url(), "server", server)));
            }
            responses.add(response(url, title, server, headers));
            log.flush();
        }
        return StepResult.succeeded(findings, Map.of("responses", responses));
    }

    private static Map<String, String> headersOf(ProbeUrl url) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/html; charset=utf-8");
        headers.put("Server", serverOf(url));
        if (url.url().startsWith("https://") && DemoChoice.of("hsts|" + url.url(), 2) == 0) {
            headers.put("Strict-Transport-Security", "max-age=31536000");
        }
        if (DemoChoice.of("xcto|" + url.url(), 3) != 0) {
            headers.put("X-Content-Type-Options", "nosniff");
        }
        return headers;
    }

    private static String serverOf(ProbeUrl url) {
        if (url.product() != null && url.product().toLowerCase().contains("apache")) {
            return "Apache/" + (url.version() == null ? "2.4.57" : url.version()) + " (Debian)";
        }
        if (url.product() != null && url.product().toLowerCase().contains("nginx")) {
            return "nginx/" + (url.version() == null ? "1.22.1" : url.version());
        }
        return DemoChoice.of("server|" + url.host(), 2) == 0 ? "Apache/2.4.57 (Debian)" : "nginx/1.22.1";
    }

    private static String title(String server) {
        return server.startsWith("nginx") ? "Welcome to nginx!" : "Apache2 Debian Default Page: It works";
    }

    private static String serviceOf(ProbeUrl url) {
        return url.url().startsWith("https://") ? "https" : "http";
    }

    private static Map<String, Object> response(ProbeUrl url, String title, String server, Map<String, String> headers) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("url", url.url());
        response.put("status", 200);
        response.put("title", title);
        response.put("server", server);
        response.put("headers", headers);
        return response;
    }
}
