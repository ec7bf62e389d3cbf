package io.reconcraft.orchestrator.engine;

import static io.reconcraft.orchestrator.support.Runs.awaitPayload;
import static io.reconcraft.orchestrator.support.Runs.awaitRequest;
import static io.reconcraft.orchestrator.support.Runs.awaitRequests;
import static io.reconcraft.orchestrator.support.Runs.awaitRunCompleted;
import static io.reconcraft.orchestrator.support.Runs.hosts;
import static io.reconcraft.orchestrator.support.Runs.newRunId;
import static io.reconcraft.orchestrator.support.Runs.request;
import static io.reconcraft.orchestrator.support.Runs.succeeded;
import static io.reconcraft.orchestrator.support.Workflows.startNmapProbe;
import static io.reconcraft.orchestrator.support.Workflows.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.orchestrator.support.OrchestratorSpringTest;
import io.reconcraft.orchestrator.support.RealBrokerTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A step whose request the bus will never take — here the outputs of its upstream scan make it larger than the
 * orchestrator's producer sends — fails with that reason and ends the run, instead of being requested again forever;
 * so does a fanned-out step whose merged result the bus will never take.
 */
@OrchestratorSpringTest
@TestPropertySource(properties = "spring.kafka.producer.properties.max.request.size=32768")
class UnsendableRequestIntegrationTest extends RealBrokerTest {

    @Test
    void givenAStepWhoseUpstreamOutputsMakeItsRequestTooLarge_whenItsTurnComes_thenItFailsSayingWhyAndTheRunEnds() {
        String runId = newRunId();
        tap.publish(runId, request(startNmapProbe()));
        StepRequested scan = awaitRequest(tap, runId, "nmap", 1);

        // ~60 KB of hosts, twice what the producer here may send
        tap.publish(runId, succeeded(scan, Map.of("hosts", hosts(1_000))));

        RunCompleted done = awaitRunCompleted(tap, runId, 1);
        assertThat(done.status()).isEqualTo(RunStatus.FAILED);
        StepCompleted probe = awaitPayload(tap, runId, StepCompleted.class, c -> c.nodeId().equals("probe"));
        assertThat(probe.status()).isEqualTo(RunStatus.FAILED);
        assertThat(probe.error())
                .startsWith("the step's request could not be sent (it carries the outputs of 1 upstream step(s)): ")
                .contains("max.request.size");
        assertThat(tap.payloadsOf(runId, StepRequested.class)).extracting(StepRequested::nodeId).containsExactly("nmap");
    }

    @Test
    void givenAScanOfThreeTargetsWhoseMergedResultIsTooLarge_whenItsTasksEnd_thenTheNodeFailsSayingWhyAndTheRunEnds() {
        String runId = newRunId();
        tap.publish(runId, request(workflow().node("start", "start")
                .node("scan", "nmap", Map.of("targets", List.of("127.0.0.1", "127.0.0.2", "127.0.0.3")))
                .edge("start", "scan").build()));

        for (StepRequested task : awaitRequests(tap, runId, "scan", 2)) {
            // ~18 KB each: the three merged are over what the producer here may send
            tap.publish(runId, succeeded(task, Map.of("hosts", hosts(300))));
        }
        tap.publish(runId, succeeded(awaitRequests(tap, runId, "scan", 3).get(2), Map.of("hosts", hosts(300))));

        RunCompleted done = awaitRunCompleted(tap, runId, 1);
        assertThat(done.status()).isEqualTo(RunStatus.FAILED);
        StepCompleted merged = awaitPayload(tap, runId, StepCompleted.class, c -> c.stepId().equals(runId + ":scan"));
        assertThat(merged.status()).isEqualTo(RunStatus.FAILED);
        assertThat(merged.error()).startsWith("the merged result of its 3 tasks could not be sent: ")
                .contains("max.request.size");
        assertThat(merged.outputs()).isEmpty();
    }
}
