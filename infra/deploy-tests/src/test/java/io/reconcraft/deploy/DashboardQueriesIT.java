package io.reconcraft.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reconcraft.testing.RealInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The packaged services on a real Kafka broker and a MongoDB-wire server, one demo run driven through the
 * gateway, then every service's /actuator/prometheus scraped: each series the Grafana dashboard and the
 * Prometheus alert rules query must be one a service really exports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardQueriesIT {

    private static final Pattern SERIES = Pattern.compile("\\breconcraft_[a-z0-9_]+");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_KEY = "rc_metrics_" + UUID.randomUUID().toString().replace("-", "");
    private static final List<String> ORDER = List.of("audit", "run-orchestrator", "tool-runner", "notifier", "api-gateway");

    private final Map<String, ServiceJar> services = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void startTheServices() throws IOException {
        Path logs = Files.createDirectories(Path.of("target", "service-logs"));
        // one set of stack secrets that every service shares, as the launcher and compose give them
        String signingKey = "metrics-it-signing-key-" + UUID.randomUUID();
        String auditToken = "metrics-it-audit-token-" + UUID.randomUUID();
        String chainKey = "metrics-it-chain-key-" + UUID.randomUUID();
        for (String module : modulesInStartOrder()) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("KAFKA_BOOTSTRAP_SERVERS", RealInfrastructure.bootstrapServers());
            env.put("MONGODB_URI", RealInfrastructure.mongoUri());
            env.put("MONGODB_DATABASE", "metrics-it-" + module);
            env.put("MANAGEMENT_HEALTH_MONGODB_ENABLED", "false");
            env.put("RECONCRAFT_ADMIN_API_KEY", ADMIN_KEY);
            if (module.equals("api-gateway")) {
                // the audit service started first: the gateway needs its port
                ServiceJar audit = services.get("audit");
                await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1)).until(() -> audit.port() > 0);
                env.put("RECONCRAFT_GATEWAY_AUDIT_URL", audit.url(""));
            }
            env.put("RECONCRAFT_GATEWAY_METRICS_KAFKA_INTERVAL", "2s");
            env.put("RECONCRAFT_AUDIT_METRICS_INTERVAL", "2s");
            env.put("RECONCRAFT_EVENT_SIGNING_KEY", signingKey);
            env.put("RECONCRAFT_AUDIT_API_TOKEN", auditToken);
            env.put("RECONCRAFT_AUDIT_CHAIN_KEY", chainKey);
            services.put(module, ServiceJar.start(module, env, logs));
        }
        await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                services.values().forEach(service -> {
                    assertThat(service.alive()).as(service.module + " is running (log: " + tail(service.log) + ")").isTrue();
                    assertThat(service.healthy()).as(service.module + " is healthy: "
                            + service.get("/actuator/health").orElse("(no 200)") + " log: " + tail(service.log)).isTrue();
                }));
    }

    @AfterAll
    void stopTheServices() {
        List<ServiceJar> reversed = new ArrayList<>(services.values());
        java.util.Collections.reverse(reversed);
        reversed.forEach(ServiceJar::close);
    }

    @Test
    void givenADemoRun_whenEveryServiceIsScraped_thenEverySeriesTheDashboardAndAlertsQueryIsExported() throws Exception {
        String runId = runTheDemoWorkflow();
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() ->
                "succeeded".equals(gateway("GET", "/api/runs/" + runId, null).path("status").asText()));

        Set<String> queried = new TreeSet<>();
        queried.addAll(dashboardSeries());
        queried.addAll(alertSeries());
        assertThat(queried).as("the dashboard and the alerts query reconcraft series").hasSizeGreaterThan(5);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(exported()).containsAll(queried));
    }

    private Set<String> exported() {
        Set<String> names = new TreeSet<>();
        for (ServiceJar service : services.values()) {
            String scrape = service.get("/actuator/prometheus").orElse("");
            scrape.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("[{ ]", 2)[0]).forEach(names::add);
        }
        return names;
    }

    private static Set<String> dashboardSeries() throws IOException {
        JsonNode dashboard = JSON.readTree(Repo.path("infra/observability/grafana/dashboards/reconcraft.json").toFile());
        Set<String> series = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("targets")).as("panel " + panel.path("title").asText() + " has a query").isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                Set<String> names = seriesIn(target.path("expr").asText());
                assertThat(names).as("panel " + panel.path("title").asText() + " queries a reconcraft series").isNotEmpty();
                series.addAll(names);
            }
        }
        return series;
    }

    private static Set<String> alertSeries() {
        return seriesIn(Repo.read(Repo.path("infra/observability/prometheus/alerts.yml")));
    }

    private static Set<String> seriesIn(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = SERIES.matcher(expression);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    private String runTheDemoWorkflow() throws Exception {
        Map<String, Object> workflow = Map.of(
                "name", "metrics",
                "authorizedTargets", false,
                "nodes", List.of(
                        node("start", "start", Map.of()),
                        node("scan", "nmap", Map.of("targets", List.of(), "profile", "quick", "flags", "-sV")),
                        node("probe", "http-probe", Map.of("timeout", 5, "followRedirects", true))),
                "edges", List.of(
                        Map.of("id", "e1", "source", "start", "target", "scan"),
                        Map.of("id", "e2", "source", "scan", "target", "probe")));
        String workflowId = gateway("POST", "/api/workflows", workflow).path("id").asText();
        return gateway("POST", "/api/runs", Map.of("workflowId", workflowId, "targets", List.of("127.0.0.1"),
                "runMode", "demo", "authorizeTargets", false)).path("id").asText();
    }

    private static Map<String, Object> node(String id, String kind, Map<String, Object> config) {
        return Map.of("id", id, "kind", kind, "label", id, "category", "recon", "config", config,
                "position", Map.of("x", 0, "y", 0));
    }

    private JsonNode gateway(String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(services.get("api-gateway").url(path)))
                .header("X-API-Key", ADMIN_KEY).timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private static List<String> modulesInStartOrder() {
        List<String> modules = new ArrayList<>(Repo.serviceModules());
        modules.sort(java.util.Comparator.comparingInt(m -> ORDER.contains(m) ? ORDER.indexOf(m) : ORDER.size() - 1));
        return modules;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
