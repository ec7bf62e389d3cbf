package io.reconcraft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.RunTrigger;
import io.reconcraft.gateway.run.RunView;
import io.reconcraft.gateway.run.StepView;
import io.reconcraft.gateway.store.RunStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The one owner of the runs collection returns what it wrote. */
class RunStoreTest extends GatewayTestSupport {

    @Autowired
    RunStore runs;

    @Test
    void givenARunIdStoredBefore_whenInsertedOnceMore_thenTheStoredViewIsReturnedAndKept() {
        RunView first = queued("first workflow");
        runs.insertOnce(first).block();

        RunView again = runs.insertOnce(queued(first.id(), "second workflow")).block();

        assertThat(again.workflowName()).isEqualTo("first workflow");
        assertThat(runs.find(first.id()).block().workflowName()).isEqualTo("first workflow");
    }

    @Test
    void givenViews_whenReplaced_thenTheViewsWrittenAreReturnedAndStored() {
        RunView view = runs.insertOnce(queued("replaced")).block();
        RunView running = new RunView(view.id(), view.workflowId(), view.workflowName(), RunStatus.RUNNING,
                view.targets(), view.runMode(), view.startedAt(), null, null, null, view.steps(), null, view.trigger(),
                3L, null, List.of(), view.admissionGroup(), null);

        List<RunView> written = runs.replaceAll(List.of(running)).block();

        assertThat(written).containsExactly(running);
        assertThat(runs.find(view.id()).block().status()).isEqualTo(RunStatus.RUNNING);
        assertThat(runs.ended(view.id()).block()).isFalse();
    }

    @Test
    void givenAStoredView_whenRemoved_thenItIsReturnedOnce_andTheRunIsGone() {
        RunView view = runs.insertOnce(queued("removed")).block();

        assertThat(runs.remove(view).block()).isEqualTo(view);
        assertThat(runs.remove(view).blockOptional()).isEmpty();
        assertThat(runs.exists(view.id()).block()).isFalse();
        assertThat(runs.ended(view.id()).blockOptional()).isEmpty();
    }

    private static RunView queued(String workflowName) {
        return queued(UUID.randomUUID().toString(), workflowName);
    }

    private static RunView queued(String id, String workflowName) {
        return RunView.queued(id, "wf-" + id, workflowName, List.of("127.0.0.1"), RunMode.DEMO,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), List.of(StepView.queued("scan", "Scan")),
                RunTrigger.api(), "key-1");
    }
}
