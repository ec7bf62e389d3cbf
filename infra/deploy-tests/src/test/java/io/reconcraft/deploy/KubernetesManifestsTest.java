package io.reconcraft.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.reconcraft.events.Topics;
import io.reconcraft.messaging.MessagingProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every manifest of infra/k8s (those the kustomization lists), read into Kubernetes model objects. */
class KubernetesManifestsTest {

    private static final String ENGINE = "engine";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private final List<Map<String, Object>> documents = load();

    @Test
    void givenEachServiceModule_whenItsDeploymentIsRead_thenItIsProbedOnActuatorAndLimited() {
        assertThat(deployments().stream().map(d -> d.getMetadata().getName()).toList())
                .containsExactlyInAnyOrderElementsOf(Repo.serviceModules());
        for (Deployment deployment : deployments()) {
            Container service = container(deployment, deployment.getMetadata().getName());
            String name = deployment.getMetadata().getName();
            assertThat(path(service.getLivenessProbe())).as(name + " liveness").isEqualTo("/actuator/health/liveness");
            assertThat(path(service.getReadinessProbe())).as(name + " readiness").isEqualTo("/actuator/health/readiness");
            assertThat(path(service.getStartupProbe())).as(name + " startup").startsWith("/actuator/health");
            assertThat(port(service.getReadinessProbe())).isEqualTo(new IntOrString("management"));
            assertThat(service.getPorts()).anySatisfy(p -> assertThat(p.getName()).isEqualTo("management"));
            assertThat(env(service)).containsEntry("MANAGEMENT_SERVER_PORT",
                    String.valueOf(service.getPorts().stream().filter(p -> p.getName().equals("management"))
                            .findFirst().orElseThrow().getContainerPort()));
            assertThat(env(service)).containsEntry("SERVER_PORT",
                    String.valueOf(service.getPorts().stream().filter(p -> p.getName().equals("http"))
                            .findFirst().orElseThrow().getContainerPort()));
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                assertThat(container.getResources().getRequests()).as(name + "/" + container.getName() + " requests")
                        .containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits()).as(name + "/" + container.getName() + " limits")
                        .containsKeys("cpu", "memory");
            }
        }
    }

    @Test
    void givenEveryContainer_whenItsSecurityIsRead_thenNonRootReadOnlyWithoutCapabilities_exceptTheDocumentedEngine() {
        for (Deployment deployment : deployments()) {
            var pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(deployment.getMetadata().getName()).isTrue();
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            for (Container container : pod.getContainers()) {
                var security = container.getSecurityContext();
                String where = deployment.getMetadata().getName() + "/" + container.getName();
                assertThat(security.getRunAsNonRoot()).as(where).isTrue();
                if (container.getName().equals(ENGINE)) {
                    assertThat(deployment.getMetadata().getName()).as("only the tool-runner has an engine").isEqualTo("tool-runner");
                    assertThat(security.getRunAsUser()).as("the engine is rootless").isNotNull().isNotZero();
                    continue;
                }
                assertThat(security.getReadOnlyRootFilesystem()).as(where).isTrue();
                assertThat(security.getAllowPrivilegeEscalation()).as(where).isFalse();
                assertThat(security.getPrivileged()).as(where).isNotEqualTo(Boolean.TRUE);
                assertThat(security.getCapabilities().getDrop()).as(where).containsExactly("ALL");
                assertThat(security.getCapabilities().getAdd()).as(where).isNullOrEmpty();
            }
        }
    }

    @Test
    void givenEachDeployment_whenItsEnvironmentIsRead_thenItSetsWhatTheServiceNeedsFromTheSecretThatHasIt() {
        Secret secret = one(Secret.class, "Secret");
        Set<String> keys = new TreeSet<>(secret.getStringData().keySet());
        for (Deployment deployment : deployments()) {
            String module = deployment.getMetadata().getName();
            Container service = container(deployment, module);
            Map<String, String> env = env(service);
            Repo.placeholders(module).forEach((variable, fallback) -> {
                boolean mustBeSet = fallback == null || fallback.contains("127.0.0.1") || fallback.startsWith("unix://");
                if (mustBeSet) {
                    assertThat(env).as(module + " sets " + variable + " (default " + fallback + ")").containsKey(variable);
                }
            });
            assertThat(env).as(module).containsKeys("RECONCRAFT_EVENT_SIGNING_KEY", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
            for (EnvVar variable : service.getEnv()) {
                if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                    assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo(secret.getMetadata().getName());
                    assertThat(keys).as(module + " " + variable.getName()).contains(variable.getValueFrom().getSecretKeyRef().getKey());
                }
            }
        }
        assertThat(env(container(deployment("api-gateway"), "api-gateway")).get("RECONCRAFT_GATEWAY_AUDIT_URL"))
                .isEqualTo("http://audit:8104");
    }

    @Test
    void givenTheNetworkPolicies_whenRead_thenEverythingIsDeniedButTheGatewayFromOutside() {
        List<NetworkPolicy> policies = all(NetworkPolicy.class, "NetworkPolicy");
        assertThat(policies).anySatisfy(policy -> {
            assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(policy.getSpec().getIngress()).isNullOrEmpty();
            assertThat(policy.getSpec().getEgress()).isNullOrEmpty();
        });
        List<String> openToAnyone = new ArrayList<>();
        for (NetworkPolicy policy : policies) {
            for (NetworkPolicyIngressRule rule : nonNull(policy.getSpec().getIngress())) {
                if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
                    openToAnyone.add(target(policy));
                }
            }
        }
        assertThat(openToAnyone).containsExactly("api-gateway");
    }

    @Test
    void givenTheAuditApiPort_whenIngressIsRead_thenOnlyTheGatewayReachesIt() {
        int apiPort = container(deployment("audit"), "audit").getPorts().stream()
                .filter(p -> p.getName().equals("http")).findFirst().orElseThrow().getContainerPort();
        for (NetworkPolicy policy : all(NetworkPolicy.class, "NetworkPolicy")) {
            boolean selectsAudit = "audit".equals(target(policy)) || policy.getSpec().getPodSelector().getMatchLabels() == null
                    || "reconcraft".equals(policy.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/part-of"));
            if (!selectsAudit) {
                continue;
            }
            for (NetworkPolicyIngressRule rule : nonNull(policy.getSpec().getIngress())) {
                boolean coversApiPort = rule.getPorts() == null || rule.getPorts().stream()
                        .anyMatch(p -> p.getPort().getIntVal() != null && p.getPort().getIntVal() == apiPort);
                if (coversApiPort) {
                    assertThat(rule.getFrom()).as(policy.getMetadata().getName()).isNotEmpty().allSatisfy(peer -> {
                        assertThat(peer.getNamespaceSelector()).isNull();
                        assertThat(peer.getIpBlock()).isNull();
                        assertThat(peer.getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "api-gateway");
                    });
                }
            }
        }
    }

    @Test
    void givenEgressToAddressesOutsideTheCluster_whenRead_thenOnlyTheToolRunnerReachesScanTargetsOnAnyPort() {
        List<String> anyPortOutside = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (NetworkPolicy policy : all(NetworkPolicy.class, "NetworkPolicy")) {
            for (NetworkPolicyEgressRule rule : nonNull(policy.getSpec().getEgress())) {
                boolean toAddresses = rule.getTo() == null || rule.getTo().isEmpty()
                        || rule.getTo().stream().anyMatch(peer -> peer.getIpBlock() != null);
                if (toAddresses) {
                    outside.add(target(policy));
                    if (rule.getPorts() == null || rule.getPorts().isEmpty()) {
                        anyPortOutside.add(target(policy));
                    }
                    rule.getTo().forEach(peer -> assertThat(peer.getIpBlock().getExcept())
                            .as(policy.getMetadata().getName() + " keeps off link-local (cloud metadata)")
                            .contains("169.254.0.0/16"));
                }
            }
        }
        assertThat(anyPortOutside).containsExactly("tool-runner");
        assertThat(outside).containsExactlyInAnyOrder("tool-runner", "notifier");
        NetworkPolicy notifier = all(NetworkPolicy.class, "NetworkPolicy").stream()
                .filter(p -> "notifier".equals(target(p))).findFirst().orElseThrow();
        assertThat(notifier.getSpec().getEgress().get(0).getPorts())
                .singleElement().satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(443));
    }

    @Test
    void givenTheScaledObject_whenRead_thenItScalesToolRunnersOnTheirGroupsLagUpToThePartitions() {
        GenericKubernetesResource scaled = documents.stream().filter(d -> "ScaledObject".equals(d.get("kind")))
                .map(d -> JSON.convertValue(d, GenericKubernetesResource.class)).findFirst().orElseThrow();
        assertThat(scaled.getApiVersion()).isEqualTo("keda.sh/v1alpha1");
        Map<String, Object> spec = scaled.get("spec");
        assertThat(((Map<?, ?>) spec.get("scaleTargetRef")).get("name")).isEqualTo("tool-runner");
        int partitions = new MessagingProperties(null, null, null, null, null, null, null).partitions();
        assertThat((Integer) spec.get("maxReplicaCount")).isPositive().isLessThanOrEqualTo(partitions);
        List<?> triggers = (List<?>) spec.get("triggers");
        Map<?, ?> kafka = (Map<?, ?>) triggers.stream().filter(t -> "kafka".equals(((Map<?, ?>) t).get("type")))
                .findFirst().orElseThrow();
        Map<?, ?> metadata = (Map<?, ?>) kafka.get("metadata");
        Map<?, ?> spring = (Map<?, ?>) Repo.yaml(Repo.applicationYml("tool-runner")).get("spring");
        Object group = ((Map<?, ?>) spring.get("kafka")).get("consumer.group-id");
        assertThat(metadata.get("consumerGroup")).isEqualTo(group);
        assertThat(metadata.get("topic")).isEqualTo(Topics.TOOL_STEP_REQUESTS);
        assertThat(metadata.get("bootstrapServers")).isEqualTo(env(container(deployment("tool-runner"), "tool-runner"))
                .get("KAFKA_BOOTSTRAP_SERVERS"));
        assertThat(Integer.parseInt(metadata.get("lagThreshold").toString())).isPositive();
    }

    private List<Deployment> deployments() {
        return all(Deployment.class, "Deployment");
    }

    private Deployment deployment(String name) {
        return deployments().stream().filter(d -> d.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }

    private <T> List<T> all(Class<T> type, String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).map(d -> JSON.convertValue(d, type)).toList();
    }

    private <T> T one(Class<T> type, String kind) {
        List<T> found = all(type, kind);
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    private static Container container(Deployment deployment, String name) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
    }

    private static Map<String, String> env(Container container) {
        return container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName,
                v -> v.getValue() == null ? "<from " + v.getValueFrom() + ">" : v.getValue()));
    }

    private static String path(Probe probe) {
        assertThat(probe).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        return get.getPath();
    }

    private static IntOrString port(Probe probe) {
        return probe.getHttpGet().getPort();
    }

    private static String target(NetworkPolicy policy) {
        Map<String, String> labels = policy.getSpec().getPodSelector().getMatchLabels();
        return labels == null ? "*" : Objects.requireNonNullElse(labels.get("app.kubernetes.io/name"), "*");
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static List<Map<String, Object>> load() {
        Map<String, Object> kustomization = Repo.yaml(Repo.path("infra/k8s/kustomization.yaml"));
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object resource : (List<?>) kustomization.get("resources")) {
            documents.addAll(Repo.yamlDocuments(Repo.path("infra/k8s/" + resource)));
        }
        return documents;
    }
}
