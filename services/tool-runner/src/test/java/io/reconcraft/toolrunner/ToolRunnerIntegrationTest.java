package io.reconcraft.toolrunner;

import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.testing.SharedEventTap;
import io.reconcraft.testing.RealInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepLog;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.Topics;
import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.messaging.EventPublisher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The tool-runner on a real in-process Kafka broker and a real MongoDB-wire server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "reconcraft.toolrunner.worker-id=runner-under-test")
class ToolRunnerIntegrationTest {

    @RegisterExtension
    static final SharedEventTap stepEvents = SharedEventTap.on(Topics.RUN_EVENTS);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry);
    }

    @Autowired
    private EventPublisher publisher;

    @Autowired
    private ReactiveMongoTemplate mongo;

    @Autowired
    private io.reconcraft.messaging.AuthorizedTargetsView allowList;

    @LocalServerPort
    private int port;

    private final String runId = "run-" + UUID.randomUUID();

    private StepRequested step(String nodeId, String kind, RunMode mode, List<String> targets, List<String> scope,
                               Map<String, Object> config) {
        return new StepRequested(runId + ":" + nodeId, nodeId, kind, nodeId, config, targets, mode,
                new AuthorizedScope(scope), 1, 300, List.of());
    }

    private StepRequested demoNmap(String nodeId) {
        return step(nodeId, "nmap", RunMode.DEMO, List.of("10.0.0.5"), List.of(), Map.of("profile", "quick"));
    }

    private <P> List<P> payloads(Class<P> type, String stepId) {
        return stepEvents.tap().eventsOf(runId).stream().map(EventEnvelope::payload).filter(type::isInstance).map(type::cast)
                .filter(p -> stepId.equals(stepIdOf(p))).toList();
    }

    private static String stepIdOf(Object payload) {
        if (payload instanceof StepStarted started) {
            return started.stepId();
        }
        if (payload instanceof StepLog log) {
            return log.stepId();
        }
        return ((StepCompleted) payload).stepId();
    }

    private StepCompleted awaitCompleted(String stepId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> payloads(StepCompleted.class, stepId), completed -> !completed.isEmpty()).get(0);
    }

    @Test
    void givenADemoNmapStep_whenRequested_thenStartedLogsAndCompletedWithFindingsArriveInOrder() {
        StepRequested nmap = demoNmap("nmap-1");

        publisher.publish(runId, nmap);

        StepCompleted completed = awaitCompleted(nmap.stepId());
        assertThat(completed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(completed.findings()).isNotEmpty().allSatisfy(f -> assertThat(f.fingerprint()).isNotBlank());
        assertThat(completed.outputs()).containsKey("hosts");
        List<Object> seen = stepEvents.tap().eventsOf(runId).stream().map(e -> (Object) e.payload()).toList();
        assertThat(seen.get(0)).isInstanceOfSatisfying(StepStarted.class,
                started -> assertThat(started.worker()).isEqualTo("runner-under-test"));
        assertThat(seen.get(seen.size() - 1)).isInstanceOf(StepCompleted.class);
        assertThat(payloads(StepLog.class, nmap.stepId())).flatExtracting(StepLog::lines)
                .anyMatch(line -> line.startsWith("Starting Nmap 7.93"));
    }

    @Test
    void givenTheSameStepRequestedTwice_whenDelivered_thenItRunsOnce() {
        EventEnvelope request = EventEnvelope.of(runId, demoNmap("nmap-1"));
        String stepId = demoNmap("nmap-1").stepId();
        StepRequested marker = demoNmap("nmap-2");

        publisher.publish(request);
        publisher.publish(request);
        publisher.publish(EventEnvelope.of(runId, demoNmap("nmap-1")));
        // Same key, same partition: once the marker completed, every copy before it was handled.
        publisher.publish(runId, marker);
        awaitCompleted(marker.stepId());
        awaitCompleted(stepId);

        // StepStarted is sent on the listener thread, so every copy before the marker has been claimed or skipped.
        assertThat(payloads(StepStarted.class, stepId)).hasSize(1);
        assertThat(payloads(StepCompleted.class, stepId)).hasSize(1);
        Document claim = mongo.findOne(Query.query(Criteria.where("_id").is(stepId + ":1")), Document.class, "step_claims")
                .block();
        assertThat(claim).isNotNull();
        assertThat(claim.getString("workerId")).isEqualTo("runner-under-test");
    }

    @Test
    void givenAForgedLiveStepWithATargetOutsideItsScope_whenRequested_thenItFailsOutOfScopeAndRunsNothing() {
        StepRequested forged = step("nmap-1", "nmap", RunMode.LIVE, List.of("10.0.0.5", "8.8.8.8"),
                List.of("10.0.0.0/24"), Map.of());
        AllowList.authorize(publisher, allowList, "10.0.0.0/24");

        publisher.publish(runId, forged);

        StepCompleted completed = awaitCompleted(forged.stepId());
        assertThat(completed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(completed.outcome()).isEqualTo(StepOutcome.OUT_OF_SCOPE);
        assertThat(completed.error()).isEqualTo("out of scope: 8.8.8.8");
        assertThat(completed.findings()).isEmpty();
        assertThat(payloads(StepLog.class, forged.stepId())).isEmpty();
    }

    @Test
    void givenAStepWithBadConfig_whenRequested_thenItFailsWithAReasonAndTheRunnerKeepsWorking() {
        StepRequested bad = step("gitleaks-1", "gitleaks", RunMode.DEMO, List.of(), List.of(), Map.of("repoUrl", "file:///etc"));
        StepRequested next = demoNmap("nmap-1");

        publisher.publish(runId, bad);
        publisher.publish(runId, next);

        StepCompleted failed = awaitCompleted(bad.stepId());
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.outcome()).isEqualTo(StepOutcome.INVALID_INPUT);
        assertThat(failed.error()).isEqualTo("gitleaks repoUrl must be an https URL (got scheme 'file')");
        assertThat(awaitCompleted(next.stepId()).status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void givenTheRunningService_whenHealthIsAsked_thenItIsUp() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }
}
