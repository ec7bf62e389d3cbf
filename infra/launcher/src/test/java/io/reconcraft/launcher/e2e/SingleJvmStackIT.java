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
        for (ServiceName service : ServiceName.values()) {
            Path log = config.logFile(service.id());
            assertThat(log).exists();
            assertThat(readQuietly(log)).contains("Started");
        }
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
