package io.reconcraft.orchestrator.admission;

import static io.reconcraft.orchestrator.support.Runs.WAIT;
import static io.reconcraft.orchestrator.support.Runs.awaitRunCompleted;
import static io.reconcraft.orchestrator.support.Runs.newRunId;
import static io.reconcraft.orchestrator.support.Runs.succeeded;
import static io.reconcraft.orchestrator.support.Workflows.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.RunRequested;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.RunTrigger;
import io.reconcraft.events.model.WorkflowSnapshot;
import io.reconcraft.orchestrator.support.OrchestratorSpringTest;
import io.reconcraft.orchestrator.support.RealBrokerTest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A run's end frees its place at once: with the periodic recount of running runs out of the way (an hour apart),
 * runs beyond the limit are admitted only if every end of a running run is counted when it happens.
 */
@OrchestratorSpringTest
@TestPropertySource(properties = {"reconcraft.orchestrator.max-active-runs=2",
        "reconcraft.orchestrator.admission-refresh-interval=PT1H",
        "spring.mongodb.database=admission-recount-it"})
class AdmissionWithoutRecountIntegrationTest extends RealBrokerTest {

    private static final WorkflowSnapshot CHAIN = workflow().node("start", "start").node("nmap", "nmap")
            .node("probe", "http-probe").edge("start", "nmap").edge("nmap", "probe").build();

    @Test
    void givenMoreRunsThanPlaces_whenEachEndsByItsLastStepsSuccess_thenTheWaitingOnesAreAdmittedInTurn() {
        List<String> runs = List.of(newRunId(), newRunId(), newRunId(), newRunId(), newRunId(), newRunId());
        runs.forEach(id -> tap.publish(id, request()));

        // which runs are admitted first is not known in advance (they arrive over several partitions): every step
        // requested is answered as it comes, until every run has ended (within WAIT)
        Set<String> answered = new HashSet<>();
        await().atMost(WAIT).until(() -> {
            for (String runId : runs) {
                for (StepRequested request : tap.payloadsOf(runId, StepRequested.class)) {
                    if (answered.add(request.stepId() + "#" + request.attempt())) {
                        tap.publish(runId, succeeded(request, Map.of()));
                    }
                }
            }
            return runs.stream().allMatch(id -> !tap.payloadsOf(id, RunCompleted.class).isEmpty());
        });

        runs.forEach(id -> assertThat(awaitRunCompleted(tap, id, 1).status()).isEqualTo(RunStatus.SUCCEEDED));
        assertThat(answered).hasSize(2 * runs.size());
    }

    private static RunRequested request() {
        return new RunRequested(CHAIN, List.of("127.0.0.1"), RunMode.DEMO, new AuthorizedScope(List.of("127.0.0.0/8")),
                "key-ops", RunTrigger.api());
    }
}
