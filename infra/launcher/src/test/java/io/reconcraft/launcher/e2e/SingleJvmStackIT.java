package io.reconcraft.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.reconcraft.launcher.demo.SampleWorkflow;
import io.reconcraft.launcher.process.TcpPort;
import io.reconcraft.launcher.stack.LocalStack;
import io.reconcraft.launcher.stack.ServiceName;
import io.reconcraft.launcher.stack.StackConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The default local stack: every service as its own Spring context in one JVM, each with its own class loader,
 * properties, log file and database, talking to the others only through Kafka.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SingleJvmStackIT {

    private static final java.util.regex.Pattern STARTED =
            java.util.regex.Pattern.compile("Started (\\w+Application) in");

    private E2eStack e2e;
    private StackConfig config;
    private LocalStack stack;
    private Api api;

    @BeforeAll
    void startTheStack(@TempDir Path home) {
        e2e = E2eStack.start(home, Duration.ofMinutes(8), E2eStack.SINGLE_JVM);
        config = e2e.config;
        stack = e2e.stack;
        api = e2e.api;
    }

    @AfterAll
    void stopTheStack() {
        if (e2e != null) {
            e2e.close();
        }
    }

    @Test
    void givenTheStackInOneJvm_whenTheSampleWorkflowRuns_thenEveryStepSucceeds_andEachServiceKeptItsOwnDatabaseAndLog() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(api.get("/health").expect(200).json().get("status").asString()).isEqualTo("healthy"));
        String workflowId = api.post("/workflows", SampleWorkflow.body()).expect(201).json().get("id").asString();
        String runId = api.post("/runs", Map.of("workflowId", workflowId, "targets", List.of("127.0.0.1"),
                "runMode", "demo", "authorizeTargets", false)).expect(201).json().get("id").asString();

        JsonNode run = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("/runs/" + runId).expect(200).json(),
                        r -> Set.of("succeeded", "failed").contains(r.get("status").asString()));

        assertThat(run.get("status").asString()).isEqualTo("succeeded");
        assertThat(run.get("steps")).hasSize(4)
                .allSatisfy(step -> assertThat(step.get("status").asString()).isEqualTo("succeeded"));
        try (MongoClient mongo = MongoClients.create(config.mongoUri())) {
            List<String> databases = mongo.listDatabaseNames().into(new ArrayList<>());
            assertThat(databases).contains("reconcraft-api-gateway", "reconcraft-run-orchestrator", "reconcraft-audit");
        }
        // each log holds its own service's start, and no other's (the services share one Logback)
        Set<String> started = new java.util.HashSet<>();
        for (ServiceName service : ServiceName.values()) {
            Path log = config.logFile(service.id());
            assertThat(log).exists();
            List<String> starts = STARTED.matcher(readQuietly(log)).results().map(m -> m.group(1)).toList();
            assertThat(starts).as("application starts in %s", log).hasSize(1);
            started.add(starts.get(0));
        }
        assertThat(started).hasSize(ServiceName.values().length);
    }

    @Test
    void givenTheStackInOneJvm_whenItsServicesUseALibraryTheyAllHold_thenItIsOneClassForAll() throws Exception {
        // by the class each service's loader gives; daemon threads of a stack an earlier test closed in this JVM
        // may still be around, with loaders of their own
        Map<Class<?>, Set<String>> servicesByClass = new java.util.HashMap<>();
        for (Thread thread : threadsStartedFor(serviceLoaderNames())) {
            ClassLoader loader = thread.getContextClassLoader();
            Class<?> contextClass = loader.loadClass("org.springframework.context.ApplicationContext");
            servicesByClass.computeIfAbsent(contextClass, type -> new java.util.HashSet<>()).add(loader.getName());
        }

        assertThat(servicesByClass.values()).contains(serviceLoaderNames());
        assertThat(servicesByClass.keySet()).allSatisfy(type ->
                assertThat(type.getClassLoader().getName()).isEqualTo("services-shared"));
    }

    private static Set<String> serviceLoaderNames() {
        Set<String> names = new java.util.HashSet<>();
        for (ServiceName service : ServiceName.values()) {
            names.add(service.id());
        }
        return names;
    }

    @Test
    void givenTheStackInOneJvm_whenASingleServiceIsToBeKilled_thenTheLauncherSaysThatNeedsProcesses() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> stack.crash(ServiceName.TOOL_RUNNER))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("--processes");
    }

    /** Runs last: it stops the stack the other tests use. */
    @Test
    @Order(Integer.MAX_VALUE)
    void givenTheStackInOneJvm_whenItIsClosed_thenNoPortIsOpenAndNoThreadOfItsServicesOrBrokerKeepsRunning() {
        Set<String> stackLoaders = new java.util.HashSet<>(List.of("kafka"));
        for (ServiceName service : ServiceName.values()) {
            stackLoaders.add(service.id());
        }
        assertThat(threadsStartedFor(stackLoaders)).as("the stack's threads while it runs").isNotEmpty();

        stack.close();

        List<Integer> ports = new ArrayList<>(config.ports().services().values());
        ports.addAll(List.of(config.ports().kafka(), config.ports().kafkaController(), config.ports().mongo()));
        assertThat(ports).allSatisfy(port -> assertThat(TcpPort.acceptsConnections(port)).as("port %d", port).isFalse());
        // a thread that is not a daemon would keep the launcher's JVM from ending
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(threadsStartedFor(stackLoaders)).filteredOn(thread -> !thread.isDaemon()).isEmpty());
    }

    /** Threads whose context class loader is one the stack made for a service or for Kafka (named after it). */
    private static List<Thread> threadsStartedFor(Set<String> loaderNames) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(thread -> thread.getContextClassLoader() != null
                        && loaderNames.contains(thread.getContextClassLoader().getName()))
                .toList();
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
