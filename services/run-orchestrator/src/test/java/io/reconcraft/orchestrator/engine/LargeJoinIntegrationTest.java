package io.reconcraft.orchestrator.engine;

import static io.reconcraft.orchestrator.support.Runs.awaitRequest;
import static io.reconcraft.orchestrator.support.Runs.hosts;
import static io.reconcraft.orchestrator.support.Runs.newRunId;
import static io.reconcraft.orchestrator.support.Runs.request;
import static io.reconcraft.orchestrator.support.Runs.succeeded;
import static io.reconcraft.orchestrator.support.Workflows.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.StepRequested;
import io.reconcraft.orchestrator.support.OrchestratorSpringTest;
import io.reconcraft.orchestrator.support.RealBrokerTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A request larger than the broker's 1 MB message limit as JSON — what a join of a thousand scans carries — is sent,
 * compressed, with the orchestrator's own configuration.
 */
@OrchestratorSpringTest
class LargeJoinIntegrationTest extends RealBrokerTest {

    @Test
    void givenAJoinWhoseParentsOutputsAreOverAMegabyteTogether_whenItsTurnComes_thenItIsRequestedWithAllOfThem() {
        String runId = newRunId();
        tap.publish(runId, request(workflow().node("start", "start").node("scan0", "nmap").node("scan1", "nmap")
                .node("scan2", "nmap").node("probe", "http-probe").edge("start", "scan0").edge("start", "scan1")
                .edge("start", "scan2").edge("scan0", "probe").edge("scan1", "probe").edge("scan2", "probe").build()));

        for (String scan : List.of("scan0", "scan1", "scan2")) {
            // ~0.5 MB each, under the 1 MB a tool-runner keeps its results to (ResultSizeLimit): ~1.5 MB in the join
            tap.publish(runId, succeeded(awaitRequest(tap, runId, scan, 1), Map.of("hosts", hosts(8_000))));
        }

        StepRequested probe = awaitRequest(tap, runId, "probe", 1);
        assertThat(probe.upstream()).hasSize(3).allSatisfy(upstream ->
                assertThat((List<?>) upstream.outputs().get("hosts")).hasSize(8_000));
    }
}
