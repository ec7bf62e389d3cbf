package io.reconcraft.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml cannot run on the build machines (no Docker engine), so it is checked against what the
 * services read: their application.yml placeholders and @ConfigurationProperties, and the files it mounts.
 */
class ComposeFileTest {

    private static final Set<String> BOOT_OWN_PREFIXES = Set.of("SPRING_", "SERVER_", "MANAGEMENT_", "LOGGING_");

    private final Compose compose = new Compose();

    @Test
    void givenTheServiceModules_whenComposeIsRead_thenEachRunsFromTheServiceImage() {
        assertThat(compose.moduleServices().keySet())
                .as("every module under services/ is a compose service built with build arg SERVICE")
                .containsExactlyInAnyOrderElementsOf(Repo.serviceModules());
        compose.moduleServices().values().forEach(name -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> build = (Map<String, Object>) compose.service(name).get("build");
            assertThat(Repo.path(build.get("dockerfile").toString())).as(name + " Dockerfile").exists();
        });
    }

    @Test
    void givenEachService_whenItsPlaceholdersHaveNoDefaultOrALoopbackDefault_thenComposeSetsThem() {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        compose.moduleServices().forEach((module, name) -> {
            Map<String, String> environment = compose.environment(name);
            Repo.placeholders(module).forEach((variable, fallback) -> {
                boolean mustBeSet = fallback == null || fallback.contains("127.0.0.1") || fallback.contains("localhost")
                        || fallback.startsWith("unix://");
                if (mustBeSet && !environment.containsKey(variable)) {
                    missing.computeIfAbsent(name, n -> new ArrayList<>()).add(variable + " (default: " + fallback + ")");
                }
            });
        });
        assertThat(missing).as("variables without a default, or whose default only works on one machine").isEmpty();
    }

    @Test
    void givenEachService_whenComposeSetsAVariable_thenTheServiceReadsIt() {
        Map<String, List<String>> unread = new LinkedHashMap<>();
        compose.moduleServices().forEach((module, name) -> {
            Set<String> placeholders = Repo.placeholders(module).keySet();
            List<String> prefixes = Repo.propertyPrefixes(module).stream().map(p -> Repo.environmentForm(p) + "_").toList();
            String sources = String.join("\n", Repo.sources(module).stream().map(Repo::read).toList());
            compose.environment(name).keySet().forEach(variable -> {
                boolean read = placeholders.contains(variable)
                        || BOOT_OWN_PREFIXES.stream().anyMatch(variable::startsWith)
                        || prefixes.stream().anyMatch(variable::startsWith)
                        || sources.contains("\"" + variable + "\"");
                if (!read) {
                    unread.computeIfAbsent(name, n -> new ArrayList<>()).add(variable);
                }
            });
        });
        assertThat(unread).as("variables compose sets that no placeholder, properties class or source reads").isEmpty();
    }

    @Test
    void givenTheGateway_whenItCallsTheAuditApi_thenItsUrlNamesTheAuditServiceAndPort() {
        String auditService = compose.moduleServices().get("audit");
        String auditPort = compose.environment(auditService).get("SERVER_PORT");
        assertThat(compose.environment(compose.moduleServices().get("api-gateway")).get("RECONCRAFT_GATEWAY_AUDIT_URL"))
                .isEqualTo("http://" + auditService + ":" + auditPort);
        assertThat(compose.dependsOn("api-gateway")).containsKey(auditService);
    }

    @Test
    void givenEachService_whenItStarts_thenItWaitsForTheBrokerSetUpAndADatabaseThatIsHealthy_andIsHealthChecked() {
        compose.moduleServices().forEach((module, name) -> {
            Map<String, Map<String, Object>> dependsOn = compose.dependsOn(name);
            assertThat(dependsOn.get("kafka-setup")).as(name + " after topics and ACLs exist")
                    .containsEntry("condition", "service_completed_successfully");
            assertThat(dependsOn.get("mongo")).as(name + " after MongoDB is healthy")
                    .containsEntry("condition", "service_healthy");
            @SuppressWarnings("unchecked")
            Map<String, Object> health = (Map<String, Object>) compose.service(name).get("healthcheck");
            assertThat(health).as(name + " health check").isNotNull();
            assertThat(health.get("test").toString()).contains("/actuator/health", "SERVER_PORT");
            assertThat(compose.environment(name)).as(name).containsKey("SERVER_PORT");
        });
        compose.services().keySet().forEach(name -> compose.dependsOn(name).keySet().forEach(dependency ->
                assertThat(compose.services()).as(name + " depends on a service that exists").containsKey(dependency)));
    }

    @Test
    void givenEveryVolume_whenMounted_thenNamedVolumesAreDeclaredAndBindMountsExistInTheRepository() {
        @SuppressWarnings("unchecked")
        Map<String, Object> declared = (Map<String, Object>) compose.file.get("volumes");
        compose.services().keySet().forEach(name -> compose.volumes(name).forEach(volume -> {
            String source = volume.split(":")[0];
            if (source.startsWith("./")) {
                assertThat(Repo.path(source.substring(2))).as(name + " mounts " + source).exists();
            } else if (!source.startsWith("/")) {
                assertThat(declared).as(name + " uses volume " + source).containsKey(source);
            }
        }));
    }

    @Test
    void givenTheEngineSocket_whenMounted_thenOnlyTheProxyHasIt_andTheToolRunnerTalksToTheProxy() {
        List<String> withSocket = compose.services().keySet().stream()
                .filter(name -> compose.volumes(name).stream().anyMatch(v -> v.contains("docker.sock"))).toList();
        assertThat(withSocket).containsExactly("docker-proxy");
        assertThat(compose.environment("tool-runner").get("DOCKER_HOST")).isEqualTo("tcp://docker-proxy:2375");
        assertThat(compose.dependsOn("tool-runner")).containsKey("docker-proxy");
    }

    @Test
    void givenTheSocketProxy_whenItsRulesAreRead_thenItDeniesByDefaultAndAllowsOnlyContainerCalls() {
        List<String> lines = Repo.read(Repo.path("infra/docker/socket-proxy/haproxy.cfg")).lines().map(String::trim).toList();
        Map<String, String> acls = new LinkedHashMap<>();
        lines.stream().filter(line -> line.startsWith("acl ")).forEach(line -> {
            String[] parts = line.split("\\s+", 3);
            acls.put(parts[1], parts[2]);
        });
        List<String> allows = lines.stream().filter(line -> line.startsWith("http-request allow")).toList();
        assertThat(allows).isNotEmpty();
        allows.forEach(rule -> {
            String path = acls.get(rule.substring(rule.lastIndexOf(' ') + 1));
            assertThat(path).as(rule).satisfiesAnyOf(
                    p -> assertThat(p).contains("/containers"),
                    p -> assertThat(p).contains("(_ping|version)"));
            assertThat(path).as(rule).doesNotContain("exec", "images", "build", "volumes", "networks", "swarm");
        });
        assertThat(lines).contains("http-request deny deny_status 403");
        assertThat(lines.indexOf("http-request deny deny_status 403")).isGreaterThan(lines.indexOf(allows.get(allows.size() - 1)));
    }

    @Test
    void givenEachToolImage_whenComposeBuildsIt_thenTheToolRunnerUsesThatImage() throws Exception {
        List<String> tools;
        try (Stream<Path> dirs = Files.list(Repo.path("infra/tools"))) {
            tools = dirs.filter(dir -> Files.exists(dir.resolve("Dockerfile"))).map(dir -> dir.getFileName().toString())
                    .sorted().toList();
        }
        assertThat(tools).isNotEmpty();
        Map<String, String> runner = compose.environment("tool-runner");
        for (String tool : tools) {
            Map<String, Object> builder = compose.services().values().stream()
                    .filter(service -> ("infra/tools/" + tool).equals(String.valueOf(service.get("build"))))
                    .findFirst().orElseThrow(() -> new AssertionError("no compose service builds infra/tools/" + tool));
            String variable = "TOOL_RUNNER_" + tool.toUpperCase().replace('-', '_') + "_IMAGE";
            assertThat(Repo.placeholders("tool-runner")).as("the tool-runner reads " + variable).containsKey(variable);
            assertThat(runner.get(variable)).isEqualTo(builder.get("image"));
        }
    }

    @Test
    void givenTheSecrets_whenComposeNeedsThem_thenDotEnvExampleListsEachAndNothingElse() {
        Set<String> example = new TreeSet<>();
        Repo.read(Repo.path(".env.example")).lines().map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .forEach(line -> example.add(line.substring(0, line.indexOf('='))));
        assertThat(example).containsExactlyInAnyOrderElementsOf(compose.interpolatedVariables());
        assertThat(example).contains("RECONCRAFT_GATEWAY_JWT_SECRET", "RECONCRAFT_EVENT_SIGNING_KEY",
                "RECONCRAFT_ADMIN_API_KEY", "RECONCRAFT_AUDIT_CHAIN_KEY", "RECONCRAFT_AUDIT_API_TOKEN");
    }

    @Test
    void givenTheObservabilityFiles_whenComposeMountsThem_thenPrometheusScrapesEveryServiceOnItsPort() {
        Map<String, Object> prometheus = Repo.yaml(Repo.path("infra/observability/prometheus/prometheus.yml"));
        String scrape = prometheus.get("scrape_configs").toString();
        compose.moduleServices().forEach((module, name) -> {
            String port = compose.environment(name).get("SERVER_PORT");
            assertThat(scrape).as("Prometheus scrapes " + name).containsAnyOf(name + ":" + port, "names=[" + name + "], type=A, port=" + port);
        });
        assertThat(scrape).contains("/actuator/prometheus");
        assertThat(compose.services()).containsKeys("prometheus", "grafana");
    }
}
