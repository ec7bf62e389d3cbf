package io.reconcraft.orchestrator.engine;

import static io.reconcraft.orchestrator.support.Runs.awaitRequest;
import static io.reconcraft.orchestrator.support.Runs.awaitRunCompleted;
import static io.reconcraft.orchestrator.support.Runs.completed;
import static io.reconcraft.orchestrator.support.Runs.finding;
import static io.reconcraft.orchestrator.support.Runs.newRunId;
import static io.reconcraft.orchestrator.support.Runs.request;
import static io.reconcraft.orchestrator.support.Runs.succeeded;
import static io.reconcraft.orchestrator.support.Workflows.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.UpstreamOutput;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.Severity;
import io.reconcraft.orchestrator.support.OrchestratorSpringTest;
import io.reconcraft.orchestrator.support.RealBrokerTest;
import io.reconcraft.orchestrator.support.Workflows;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A run wider than its document keeps its tasks' results in (TaskStore, TaskResultStore): the join after forty scans
 * is requested with every scan's outputs and findings, and the run ends with all of them.
 */
@OrchestratorSpringTest
class WideRunIntegrationTest extends RealBrokerTest {

    private static final int SCANS = 40;

    @Test
    void givenFortyScansBeforeAJoin_whenEachSucceedsWithAFinding_thenTheJoinGetsEveryScansOutputsAndFindings() {
        String runId = newRunId();
        Workflows graph = workflow().node("start", "start").node("probe", "http-probe");
        for (int i = 0; i < SCANS; i++) {
            graph.node("scan" + i, "nmap").edge("start", "scan" + i).edge("scan" + i, "probe");
        }
        tap.publish(runId, request(graph.build()));

        for (int i = 0; i < SCANS; i++) {
            StepRequested scan = awaitRequest(tap, runId, "scan" + i, 1);
            tap.publish(runId, completed(scan, RunStatus.SUCCEEDED, null,
                    List.of(finding("f" + i, Severity.LOW, 1000 + i)), Map.of("scanned", "scan" + i)));
        }

        StepRequested probe = awaitRequest(tap, runId, "probe", 1);
        assertThat(probe.upstream()).hasSize(SCANS).allSatisfy(upstream -> {
            assertThat(upstream.outputs()).isEqualTo(Map.of("scanned", upstream.nodeId()));
            assertThat(upstream.findings()).singleElement()
                    .satisfies(found -> assertThat(found.id()).isEqualTo("f" + upstream.nodeId().substring(4)));
        });
        assertThat(probe.upstream()).extracting(UpstreamOutput::nodeId).doesNotHaveDuplicates();
        tap.publish(runId, succeeded(probe, Map.of()));
        RunCompleted completed = awaitRunCompleted(tap, runId, 1);
        assertThat(completed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(completed.summary().findingsCount()).isEqualTo(SCANS);
    }
}
