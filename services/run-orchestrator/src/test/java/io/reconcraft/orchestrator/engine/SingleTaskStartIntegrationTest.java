package io.reconcraft.orchestrator.engine;

import static io.reconcraft.orchestrator.support.Runs.awaitRequest;
import static io.reconcraft.orchestrator.support.Runs.awaitRunCompleted;
import static io.reconcraft.orchestrator.support.Runs.newRunId;
import static io.reconcraft.orchestrator.support.Runs.request;
import static io.reconcraft.orchestrator.support.Runs.WAIT;
import static io.reconcraft.orchestrator.support.Runs.succeeded;
import static io.reconcraft.orchestrator.support.Workflows.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.orchestrator.run.RunDocument;
import io.reconcraft.orchestrator.run.RunStore;
import io.reconcraft.orchestrator.run.StepDocument;
import io.reconcraft.orchestrator.run.TaskDocument;
import io.reconcraft.orchestrator.support.OrchestratorSpringTest;
import io.reconcraft.orchestrator.support.RealBrokerTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A step of one task is claimed with its task already started: one update of the run, then the request. With the
 * run's cap full, the step is claimed with its task queued, and the task starts when a running one ends.
 * (The test context allows two running tasks per run.)
 */
@OrchestratorSpringTest
class SingleTaskStartIntegrationTest extends RealBrokerTest {

    /** Every findAndModify of a run: the run id it addressed and the fields its update wrote. */
    private static final List<Map.Entry<String, List<String>>> RUN_UPDATES = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class RecordRunUpdates {
        @Bean
        MongoClientSettingsBuilderCustomizer recordRunUpdates() {
            return settings -> settings.addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (event.getCommandName().equals("findAndModify")
                            && event.getCommand().getString("findAndModify").getValue().equals(RunDocument.COLLECTION)) {
                        // read now: the command's buffer is released after this call
                        BsonDocument command = event.getCommand();
                        List<String> fields = command.getDocument("update").values().stream()
                                .filter(BsonDocument.class::isInstance).map(BsonDocument.class::cast)
                                .flatMap(operator -> operator.keySet().stream()).toList();
                        RUN_UPDATES.add(Map.entry(command.getDocument("query").getString("_id").getValue(), fields));
                    }
                }
            });
        }
    }

    @Autowired
    RunStore store;

    @Test
    void givenAScanOfOneTarget_whenDispatched_thenItsStepAndTaskAreStartedInOneUpdateBeforeTheRequestIsSent() {
        String runId = newRunId();
        tap.publish(runId, request(workflow().node("start", "start").node("nmap", "nmap").edge("start", "nmap").build()));

        awaitRequest(tap, runId, "nmap", 1);

        RunDocument run = store.find(runId).orElseThrow();
        int nmap = run.indexOf("nmap");
        StepDocument step = run.steps().get(nmap);
        assertThat(step.runStatus()).isEqualTo(RunStatus.RUNNING);
        assertThat(step.tasks()).singleElement().satisfies(task -> {
            assertThat(task.runStatus()).isEqualTo(RunStatus.RUNNING);
            assertThat(task.requestedAt()).isNotNull();
            assertThat(task.deadline()).isAfter(task.requestedAt());
        });
        assertThat(run.runningTasks()).isEqualTo(1);
        assertThat(updatesOfStep(runId, nmap)).hasSize(1);
    }

    @Test
    void givenThreeIndependentScansAndRoomForTwo_whenDispatched_thenTheThirdWaitsQueuedAndStartsWhenOneEnds() {
        String runId = newRunId();
        tap.publish(runId, request(workflow().node("start", "start").node("a", "nmap").node("b", "nmap")
                .node("c", "nmap").edge("start", "a").edge("start", "b").edge("start", "c").build()));

        StepRequested first = awaitRequest(tap, runId, "a", 1);
        StepRequested second = awaitRequest(tap, runId, "b", 1);
        await().atMost(WAIT).untilAsserted(() -> {
            RunDocument run = store.find(runId).orElseThrow();
            StepDocument third = run.steps().get(run.indexOf("c"));
            assertThat(third.runStatus()).isEqualTo(RunStatus.RUNNING);
            assertThat(third.tasks()).extracting(TaskDocument::runStatus).containsExactly(RunStatus.QUEUED);
        });
        assertThat(tap.payloadsOf(runId, StepRequested.class)).extracting(StepRequested::nodeId)
                .containsExactlyInAnyOrder("a", "b");

        tap.publish(runId, succeeded(first, Map.of()));
        StepRequested c = awaitRequest(tap, runId, "c", 1);
        tap.publish(runId, succeeded(second, Map.of()));
        tap.publish(runId, succeeded(c, Map.of()));

        RunCompleted done = awaitRunCompleted(tap, runId, 1);
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(tap.payloadsOf(runId, StepRequested.class)).extracting(StepRequested::nodeId)
                .containsExactlyInAnyOrder("a", "b", "c");
    }

    private static List<List<String>> updatesOfStep(String runId, int index) {
        String prefix = "steps." + index + ".";
        return RUN_UPDATES.stream().filter(update -> update.getKey().equals(runId)).map(Map.Entry::getValue)
                .filter(fields -> fields.stream().anyMatch(field -> field.startsWith(prefix))).toList();
    }
}
