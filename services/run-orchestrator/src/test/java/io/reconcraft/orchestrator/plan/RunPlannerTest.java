package io.reconcraft.orchestrator.plan;

import static io.reconcraft.orchestrator.support.Workflows.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.WorkflowSnapshot;
import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.orchestrator.store.StepDocument;
import io.reconcraft.workflow.WorkflowGraph;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunPlannerTest {

    private static final WorkflowSnapshot DIAMOND = workflow()
            .node("start", "start").node("nmap", "nmap").node("gitleaks", "gitleaks").node("report", "report")
            .edge("start", "nmap").edge("start", "gitleaks").edge("nmap", "report").edge("gitleaks", "report")
            .build();

    @Test
    void givenNothingRan_whenDeciding_thenOnlyTheRootRuns() {
        List<Decision> decisions = decide(DIAMOND, queued(DIAMOND));

        assertThat(decisions).containsExactly(new Decision("start", Decision.Action.RUN, null));
    }

    @Test
    void givenStartSucceeded_whenDeciding_thenBothIndependentBranchesRunTogether() {
        Map<String, StepDocument> steps = queued(DIAMOND);
        steps.put("start", ended("start", "start", RunStatus.SUCCEEDED, null, null));

        assertThat(decide(DIAMOND, steps)).extracting(Decision::nodeId).containsExactly("nmap", "gitleaks");
    }

    @Test
    void givenOneParentOfAJoinStillRunning_whenDeciding_thenTheJoinWaits() {
        Map<String, StepDocument> steps = queued(DIAMOND);
        steps.put("start", ended("start", "start", RunStatus.SUCCEEDED, null, null));
        steps.put("nmap", ended("nmap", "nmap", RunStatus.SUCCEEDED, null, null));
        steps.put("gitleaks", running("gitleaks", "gitleaks"));

        assertThat(decide(DIAMOND, steps)).isEmpty();
    }

    @Test
    void givenBothParentsOfAJoinSucceeded_whenDeciding_thenTheJoinRunsOnce() {
        Map<String, StepDocument> steps = queued(DIAMOND);
        steps.put("start", ended("start", "start", RunStatus.SUCCEEDED, null, null));
        steps.put("nmap", ended("nmap", "nmap", RunStatus.SUCCEEDED, null, null));
        steps.put("gitleaks", ended("gitleaks", "gitleaks", RunStatus.SUCCEEDED, null, null));

        assertThat(decide(DIAMOND, steps)).containsExactly(new Decision("report", Decision.Action.RUN, null));
    }

    @Test
    void givenAParentFailed_whenDeciding_thenTheChildFailsAsUpstreamFailed() {
        Map<String, StepDocument> steps = queued(DIAMOND);
        steps.put("start", ended("start", "start", RunStatus.SUCCEEDED, null, null));
        steps.put("nmap", ended("nmap", "nmap", RunStatus.FAILED, null, null));
        steps.put("gitleaks", ended("gitleaks", "gitleaks", RunStatus.SUCCEEDED, null, null));

        assertThat(decide(DIAMOND, steps)).singleElement().satisfies(decision -> {
            assertThat(decision.nodeId()).isEqualTo("report");
            assertThat(decision.action()).isEqualTo(Decision.Action.FAIL_UPSTREAM);
            assertThat(decision.reason()).contains("NMAP");
        });
    }

    @Test
    void givenAConditionWasFalse_whenDeciding_thenTheFalseBranchRunsAndTheTrueBranchIsSkipped() {
        WorkflowSnapshot workflow = workflow().node("check", "condition").node("probe", "http-probe")
                .node("alert", "slack").branch("check", true, "probe").labelledBranch("check", false, "alert").build();
        Map<String, StepDocument> steps = queued(workflow);
        steps.put("check", ended("check", "condition", RunStatus.SUCCEEDED, null, false));

        List<Decision> decisions = decide(workflow, steps);

        assertThat(decisions).extracting(Decision::nodeId, Decision::action).containsExactly(
                org.assertj.core.groups.Tuple.tuple("probe", Decision.Action.SKIP),
                org.assertj.core.groups.Tuple.tuple("alert", Decision.Action.RUN));
        assertThat(decisions.get(0).reason()).contains("branch 'true'").contains("CHECK");
    }

    @Test
    void givenAParentWasSkipped_whenDeciding_thenTheChildIsSkippedToo() {
        WorkflowSnapshot workflow = workflow().node("probe", "http-probe").node("parse", "parser")
                .edge("probe", "parse").build();
        Map<String, StepDocument> steps = queued(workflow);
        steps.put("probe", ended("probe", "http-probe", RunStatus.SUCCEEDED, StepOutcome.SKIPPED.wire(), null));

        assertThat(decide(workflow, steps)).singleElement().satisfies(decision -> {
            assertThat(decision.action()).isEqualTo(Decision.Action.SKIP);
            assertThat(decision.reason()).contains("PROBE").contains("skipped");
        });
    }

    @Test
    void givenAJoinOfATakenAndAnUntakenEdge_whenDeciding_thenTheJoinRuns() {
        WorkflowSnapshot workflow = workflow().node("check", "condition").node("nmap", "nmap").node("report", "report")
                .branch("check", false, "report").edge("nmap", "report").build();
        Map<String, StepDocument> steps = queued(workflow);
        steps.put("check", ended("check", "condition", RunStatus.SUCCEEDED, null, true));
        steps.put("nmap", ended("nmap", "nmap", RunStatus.SUCCEEDED, null, null));

        assertThat(decide(workflow, steps)).containsExactly(new Decision("report", Decision.Action.RUN, null));
    }

    @Test
    void givenACycle_whenDeciding_thenItIsRejected() {
        WorkflowSnapshot workflow = workflow().node("a", "nmap").node("b", "parser").edge("a", "b").edge("b", "a").build();

        assertThatThrownBy(() -> decide(workflow, queued(workflow))).isInstanceOf(WorkflowGraph.CycleException.class);
        assertThat(WorkflowShape.problem(workflow)).hasValueSatisfying(reason -> assertThat(reason).contains("cycle"));
    }

    private static List<Decision> decide(WorkflowSnapshot workflow, Map<String, StepDocument> steps) {
        return RunPlanner.decide(WorkflowGraph.of(workflow), steps);
    }

    private static Map<String, StepDocument> queued(WorkflowSnapshot workflow) {
        Map<String, StepDocument> steps = new LinkedHashMap<>();
        workflow.nodes().forEach(n -> steps.put(n.id(), StepDocument.queued(n.id(), n.kind(), n.displayName())));
        return steps;
    }

    private static StepDocument running(String id, String kind) {
        return new StepDocument(id, kind, id.toUpperCase(), "running", null, 1, null, null, null, null, null,
                null, null, null, null);
    }

    private static StepDocument ended(String id, String kind, RunStatus status, String outcome, Boolean condition) {
        return new StepDocument(id, kind, id.toUpperCase(), status.wireName(), outcome, 1, null, null, null, null,
                null, "[]", "{}", condition, null);
    }
}
