package io.reconcraft.gateway.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.RunTrigger;
import io.reconcraft.gateway.run.RunView;
import io.reconcraft.gateway.run.StepView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a batch of events changed in a run's view: the steps it touched, or the whole list when it grew. */
class RunStateTest {

    @Test
    void givenStepsChangedByEvents_whenTheChangeIsTaken_thenItNamesThoseStepsInOrderOnce() {
        RunState run = new RunState(viewOf("a", "b", "c"));

        run.changeStep("c", RunStateTest::running);
        run.changeStep("a", RunStateTest::running);
        run.changeStep("c", step -> step);

        assertThat(run.toChange().changedSteps()).containsExactly(0, 2);
        assertThat(run.toChange().view().steps()).extracting(StepView::status)
                .containsExactly(RunStatus.RUNNING, RunStatus.QUEUED, RunStatus.RUNNING);
    }

    @Test
    void givenAnEventOfANodeTheRunDidNotList_whenTheChangeIsTaken_thenTheWholeListIsWritten() {
        RunState run = new RunState(viewOf("a"));

        run.changeStep("a", RunStateTest::running);
        run.changeStep("added", RunStateTest::running);

        assertThat(run.toChange().changedSteps()).isNull();
        assertThat(run.toChange().view().steps()).extracting(StepView::nodeId).containsExactly("a", "added");
    }

    @Test
    void givenTheStepsReplacedByARetry_whenTheChangeIsTaken_thenTheWholeListIsWritten() {
        RunState run = new RunState(viewOf("a", "b"));

        run.replaceSteps(List.of(StepView.queued("a", "a"), StepView.queued("b", "b")));

        assertThat(run.toChange().changedSteps()).isNull();
    }

    private static StepView running(StepView step) {
        return new StepView(step.nodeId(), step.name(), RunStatus.RUNNING, step.logs(), step.findings(),
                Instant.parse("2026-12-05T10:00:00Z"), null, null);
    }

    private static RunView viewOf(String... nodeIds) {
        return RunView.queued("run-1", "wf-1", "three scans", List.of("127.0.0.1"), RunMode.DEMO,
                Instant.parse("2026-12-05T09:59:00Z"), java.util.Arrays.stream(nodeIds)
                        .map(node -> StepView.queued(node, node)).toList(), RunTrigger.api(), "key-1");
    }
}
