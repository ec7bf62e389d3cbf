package io.reconcraft.orchestrator.engine;

import static io.reconcraft.orchestrator.support.Runs.awaitRequest;
import static io.reconcraft.orchestrator.support.Runs.awaitRunCompleted;
import static io.reconcraft.orchestrator.support.Runs.newRunId;
import static io.reconcraft.orchestrator.support.Runs.request;
import static io.reconcraft.orchestrator.support.Runs.GROUP;
import static io.reconcraft.orchestrator.support.Runs.WAIT;
import static io.reconcraft.orchestrator.support.Runs.succeeded;
import static io.reconcraft.orchestrator.support.Workflows.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.RunStatusChanged;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepLog;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.WorkflowSnapshot;
import io.reconcraft.orchestrator.store.RunDocument;
import io.reconcraft.orchestrator.store.RunStore;
import io.reconcraft.orchestrator.store.StepDocument;
import io.reconcraft.orchestrator.store.TaskDocument;
import io.reconcraft.orchestrator.support.OrchestratorSpringTest;
import io.reconcraft.orchestrator.support.RealBrokerTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Round trips of an ordinary step. A step of one task is claimed with its task already started: one update of the
 * run, then the request; with the run's cap full, the step is claimed with its task queued, and the task starts when
 * a running one ends (the test context allows two running tasks per run). A success for a task this instance started
 * is applied with one guarded update, without reading the run first.
 */
@OrchestratorSpringTest
class StepRoundTripsIntegrationTest extends RealBrokerTest {

    /** Every find and findAndModify of runs: the command, the run id it addressed, the fields an update wrote. */
    private static final List<RunCommand> RUN_COMMANDS = new CopyOnWriteArrayList<>();

    private record RunCommand(String name, String runId, List<String> fields) {
    }

    @TestConfiguration
    static class RecordRunUpdates {
        @Bean
        MongoClientSettingsBuilderCustomizer recordRunUpdates() {
            return settings -> settings.addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    String name = event.getCommandName();
                    BsonDocument command = event.getCommand();
                    if (!(name.equals("find") || name.equals("findAndModify"))
                            || !command.getString(name).getValue().equals(RunDocument.COLLECTION)) {
                        return;
                    }
                    // read now: the command's buffer is released after this call
                    BsonDocument query = command.getDocument(name.equals("find") ? "filter" : "query");
                    String runId = query.isString("_id") ? query.getString("_id").getValue() : null;
                    List<String> fields = name.equals("find") ? List.of() : command.getDocument("update").values()
                            .stream().filter(BsonDocument.class::isInstance).map(BsonDocument.class::cast)
                            .flatMap(operator -> operator.keySet().stream()).toList();
                    RUN_COMMANDS.add(new RunCommand(name, runId, fields));
                }
            });
        }
    }

    @Autowired
    RunStore store;

    @Autowired
    StepResultIntake intake;

    @Autowired
    MeterRegistry meters;

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
        // Two callers may both try the claim (the admission thread, and the start step's own result): each try is
        // the step and its started task together, never a separate claim of the task.
        assertThat(updatesOfStep(runId, nmap)).isNotEmpty().allSatisfy(update -> assertThat(update.fields())
                .contains("steps." + nmap + ".status", "steps." + nmap + ".tasks", "activeTasks")
                .noneMatch(field -> field.startsWith("steps." + nmap + ".tasks.")));
    }

    @Test
    void givenAScanThisInstanceStarted_whenItSucceeds_thenTheResultIsAppliedAndTheNextStepRequestedWithoutReadingTheRun() {
        String runId = newRunId();
        StepRequested nmap = settledAt(runId, workflow().node("start", "start").node("nmap", "nmap")
                .node("probe", "http-probe").edge("start", "nmap").edge("nmap", "probe").build(), "nmap");
        long readsBefore = readsOf(runId);

        tap.publish(runId, succeeded(nmap, Map.of("ports", List.of(22))));
        StepRequested probe = awaitRequest(tap, runId, "probe", 1);

        assertThat(readsOf(runId)).isEqualTo(readsBefore);
        assertThat(probe.upstream()).singleElement().satisfies(upstream -> {
            assertThat(upstream.nodeId()).isEqualTo("nmap");
            assertThat(upstream.outputs()).containsEntry("ports", List.of(22));
        });
        RunDocument run = store.find(runId).orElseThrow();
        assertThat(run.steps().get(run.indexOf("nmap")).runStatus()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.steps().get(run.indexOf("nmap")).tasks()).extracting(TaskDocument::runStatus)
                .containsExactly(RunStatus.SUCCEEDED);
    }

    @Test
    void givenAScanThisInstanceStarted_whenItSucceeds_thenTheHandOverToTheNextStepIsTimed() {
        String runId = newRunId();
        StepRequested nmap = settledAt(runId, workflow().node("start", "start").node("nmap", "nmap")
                .node("probe", "http-probe").edge("start", "nmap").edge("nmap", "probe").build(), "nmap");
        Timer handOvers = meters.get("reconcraft.step.handover").timer();
        long before = handOvers.count();

        tap.publish(runId, succeeded(nmap, Map.of()));
        awaitRequest(tap, runId, "probe", 1);

        // recorded once the request is handed to the producer, which may deliver it before this is counted
        await().atMost(WAIT).untilAsserted(() -> assertThat(handOvers.count()).isGreaterThan(before));
        assertThat(handOvers.max(TimeUnit.NANOSECONDS)).isPositive();
    }

    @Test
    void givenAStartStep_whenRun_thenItIsClaimedAndEndedInOneUpdateAndReportedLikeAnyExecutedStep() {
        String runId = newRunId();
        tap.publish(runId, request(workflow().node("start", "start").node("nmap", "nmap").edge("start", "nmap").build()));

        awaitRequest(tap, runId, "nmap", 1);

        int start = store.find(runId).orElseThrow().indexOf("start");
        assertThat(updatesOfStep(runId, start)).isNotEmpty().allSatisfy(update -> assertThat(update.fields())
                .contains("steps." + start + ".status", "steps." + start + ".requestedAt",
                        "steps." + start + ".completedAt"));
        // all on run-events, in the order they were sent
        assertThat(tap.eventsOf(runId).stream().map(event -> event.payload())
                .filter(payload -> payload instanceof StepStarted started && started.nodeId().equals("start")
                        || payload instanceof StepLog log && log.nodeId().equals("start")
                        || payload instanceof StepCompleted completed && completed.nodeId().equals("start"))
                .map(payload -> payload.getClass().getSimpleName()))
                .containsExactly("StepStarted", "StepLog", "StepCompleted");
        assertThat(store.find(runId).orElseThrow().steps().get(start).runStatus()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void givenAQueuedRunWhoseStartLeadsToAScan_whenAdmitted_thenOneUpdateMarksItRunningEndsTheStartAndClaimsTheScan() {
        String runId = newRunId();
        tap.publish(runId, request(workflow().node("start", "start").node("nmap", "nmap").edge("start", "nmap").build()));

        awaitRequest(tap, runId, "nmap", 1);

        RunDocument run = store.find(runId).orElseThrow();
        String startStep = "steps." + run.indexOf("start") + ".";
        String nmapStep = "steps." + run.indexOf("nmap") + ".";
        assertThat(List.copyOf(RUN_COMMANDS)).filteredOn(command -> runId.equals(command.runId())
                        && command.name().equals("findAndModify"))
                .singleElement().satisfies(update -> assertThat(update.fields()).contains("status",
                        startStep + "status", startStep + "completedAt", nmapStep + "status", nmapStep + "tasks",
                        "activeTasks"));
        assertThat(run.runStatus()).isEqualTo(RunStatus.RUNNING);
        assertThat(run.steps().get(run.indexOf("start")).runStatus()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.activeTasks()).isEqualTo(1);
        // the order holds on the run's partition of run-events; the requests' topics interleave with it in any order
        assertThat(tap.eventsOf(runId).stream().map(event -> event.payload().getClass().getSimpleName())
                .filter(type -> !type.equals("RunRequested") && !type.equals("StepRequested")).limit(2))
                .containsExactly("RunStatusChanged", "StepStarted");
        assertThat(tap.payloadsOf(runId, RunStatusChanged.class)).singleElement()
                .satisfies(changed -> assertThat(changed.status()).isEqualTo(RunStatus.RUNNING));
    }

    @Test
    void givenTheStartStepThisInstanceRan_whenItsOwnResultComesBack_thenItIsPassedOverWithoutReadingTheRun() {
        String runId = newRunId();
        tap.publish(runId, request(workflow().node("start", "start").node("nmap", "nmap").edge("start", "nmap").build()));
        awaitRequest(tap, runId, "nmap", 1);

        RecordMetadata marker = tap.publish(runId, new StepLog(runId + ":start", "start", 1, List.of("marker")));
        await().atMost(WAIT).until(() -> tap.processed(GROUP, marker));

        assertThat(tap.payloadsOf(runId, StepCompleted.class)).extracting(StepCompleted::nodeId).containsExactly("start");
        assertThat(readsOf(runId)).isZero();
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

    @Test
    void givenAScanWaitingForRoom_whenARunningScanThisInstanceStartedSucceeds_thenItsEndAndTheWaitingStartAreOneUpdate() {
        String runId = newRunId();
        StepRequested a = settledAt(runId, workflow().node("start", "start").node("a", "nmap").node("b", "nmap")
                .node("c", "nmap").edge("start", "a").edge("start", "b").edge("start", "c").build(), "a");
        awaitRequest(tap, runId, "b", 1);
        long readsBefore = readsOf(runId);
        int commandsBefore = RUN_COMMANDS.size();

        tap.publish(runId, succeeded(a, Map.of()));
        awaitRequest(tap, runId, "c", 1);

        assertThat(readsOf(runId)).isEqualTo(readsBefore);
        RunDocument run = store.find(runId).orElseThrow();
        String aTask = "steps." + run.indexOf("a") + ".tasks.0.";
        String cTask = "steps." + run.indexOf("c") + ".tasks.0.";
        assertThat(commandsSince(commandsBefore))
                .filteredOn(command -> runId.equals(command.runId()) && command.name().equals("findAndModify"))
                .singleElement().satisfies(update -> assertThat(update.fields())
                        .contains(aTask + "status", "steps." + run.indexOf("a") + ".status", cTask + "status",
                                cTask + "deadline")
                        .doesNotContain("activeTasks"));
        assertThat(run.steps().get(run.indexOf("a")).runStatus()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.steps().get(run.indexOf("c")).tasks()).singleElement()
                .satisfies(task -> assertThat(task.runStatus()).isEqualTo(RunStatus.RUNNING));
        assertThat(run.activeTasks()).isEqualTo(2);
    }

    @Test
    void givenFourIndependentScansAndRoomForTwo_whenDispatched_thenAllFourStepsAreClaimedInOneUpdate() {
        String runId = newRunId();
        tap.publish(runId, request(workflow().node("start", "start").node("a", "nmap").node("b", "nmap")
                .node("c", "nmap").node("d", "nmap").edge("start", "a").edge("start", "b").edge("start", "c")
                .edge("start", "d").build()));

        await().atMost(WAIT).until(() -> tap.payloadsOf(runId, StepRequested.class).size() == 2);

        RunDocument run = store.find(runId).orElseThrow();
        List<Integer> scans = List.of(run.indexOf("a"), run.indexOf("b"), run.indexOf("c"), run.indexOf("d"));
        assertThat(RUN_COMMANDS).filteredOn(command -> runId.equals(command.runId()))
                .filteredOn(command -> scans.stream().allMatch(index -> command.fields().contains("steps." + index + ".status")))
                .singleElement().satisfies(claim -> assertThat(claim.fields()).contains("activeTasks"));
        assertThat(scans.stream().map(index -> run.steps().get(index)))
                .allSatisfy(step -> assertThat(step.runStatus()).isEqualTo(RunStatus.RUNNING))
                .flatExtracting(StepDocument::tasks).extracting(TaskDocument::runStatus)
                .containsExactlyInAnyOrder(RunStatus.RUNNING, RunStatus.RUNNING, RunStatus.QUEUED, RunStatus.QUEUED);
        assertThat(run.runningTasks()).isEqualTo(2);
    }

    @Test
    void givenTwoScansThisInstanceStarted_whenBothResultsAreAppliedTogether_thenOneUpdateEndsBothAndTheJoinIsRequested() {
        String runId = newRunId();
        tap.publish(runId, request(workflow().node("start", "start").node("a", "nmap").node("b", "nmap")
                .node("join", "http-probe").edge("start", "a").edge("start", "b").edge("a", "join").edge("b", "join")
                .build()));
        StepRequested a = awaitRequest(tap, runId, "a", 1);
        StepRequested b = awaitRequest(tap, runId, "b", 1);
        RecordMetadata marker = tap.publish(runId, new StepLog(runId + ":start", "start", 1, List.of("marker")));
        await().atMost(WAIT).until(() -> tap.processed(GROUP, marker));
        long readsBefore = readsOf(runId);
        int commandsBefore = RUN_COMMANDS.size();

        intake.applyAll(runId, List.of(succeeded(a, Map.of("ports", List.of(22))), succeeded(b, Map.of())));

        StepRequested join = awaitRequest(tap, runId, "join", 1);
        assertThat(readsOf(runId)).isEqualTo(readsBefore);
        RunDocument run = store.find(runId).orElseThrow();
        String aTask = "steps." + run.indexOf("a") + ".tasks.0.status";
        String bTask = "steps." + run.indexOf("b") + ".tasks.0.status";
        assertThat(commandsSince(commandsBefore))
                .filteredOn(command -> command.fields().contains(aTask) || command.fields().contains(bTask))
                .singleElement().satisfies(update -> assertThat(update.fields()).contains(aTask, bTask));
        assertThat(join.upstream()).extracting(upstream -> upstream.nodeId()).containsExactlyInAnyOrder("a", "b");
        assertThat(run.steps().get(run.indexOf("a")).runStatus()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.steps().get(run.indexOf("b")).runStatus()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.runningTasks()).isEqualTo(1);
    }

    @Test
    void givenAChainStepThisInstanceStarted_whenItSucceeds_thenItsEndAndTheNextStepsClaimAreOneUpdate() {
        String runId = newRunId();
        StepRequested nmap = settledAt(runId, workflow().node("start", "start").node("nmap", "nmap")
                .node("probe", "http-probe").edge("start", "nmap").edge("nmap", "probe").build(), "nmap");
        int commandsBefore = RUN_COMMANDS.size();

        tap.publish(runId, succeeded(nmap, Map.of("ports", List.of(22))));
        StepRequested probe = awaitRequest(tap, runId, "probe", 1);

        RunDocument run = store.find(runId).orElseThrow();
        String nmapStep = "steps." + run.indexOf("nmap") + ".";
        String probeStep = "steps." + run.indexOf("probe") + ".";
        assertThat(commandsSince(commandsBefore))
                .filteredOn(command -> runId.equals(command.runId()) && command.name().equals("findAndModify"))
                .singleElement().satisfies(update -> assertThat(update.fields()).contains(nmapStep + "status",
                        nmapStep + "tasks.0.status", probeStep + "status", probeStep + "tasks"));
        assertThat(probe.upstream()).singleElement().satisfies(upstream ->
                assertThat(upstream.outputs()).containsEntry("ports", List.of(22)));
        assertThat(run.steps().get(run.indexOf("probe")).tasks()).singleElement()
                .satisfies(task -> assertThat(task.runStatus()).isEqualTo(RunStatus.RUNNING));
        assertThat(run.activeTasks()).isEqualTo(1);
    }

    @Test
    void givenTheLastStepThisInstanceStarted_whenItSucceeds_thenTheStepAndTheRunEndInOneUpdate() {
        String runId = newRunId();
        StepRequested nmap = settledAt(runId, workflow().node("start", "start").node("nmap", "nmap")
                .edge("start", "nmap").build(), "nmap");
        int commandsBefore = RUN_COMMANDS.size();

        tap.publish(runId, succeeded(nmap, Map.of()));
        RunCompleted completed = awaitRunCompleted(tap, runId, 1);

        assertThat(completed.status()).isEqualTo(RunStatus.SUCCEEDED);
        RunDocument run = store.find(runId).orElseThrow();
        String nmapStep = "steps." + run.indexOf("nmap") + ".";
        assertThat(commandsSince(commandsBefore))
                .filteredOn(command -> runId.equals(command.runId()) && command.name().equals("findAndModify"))
                .singleElement().satisfies(update -> assertThat(update.fields())
                        .contains(nmapStep + "status", nmapStep + "tasks.0.status", "status", "completedAt"));
        assertThat(run.runStatus()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.steps().get(run.indexOf("nmap")).runStatus()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void givenAChainStepWhoseRunWasCancelledAfterItsClaim_whenItSucceeds_thenTheNextStepIsNotRequestedAndTheRunEndsCancelled() {
        String runId = newRunId();
        StepRequested nmap = settledAt(runId, workflow().node("start", "start").node("nmap", "nmap")
                .node("probe", "http-probe").edge("start", "nmap").edge("nmap", "probe").build(), "nmap");
        // accepted in the store only: the run as this instance's claim left it still shows no cancel
        assertThat(store.markCancelRequested(runId, "key-test", "stop", java.time.Instant.now())).isTrue();

        tap.publish(runId, succeeded(nmap, Map.of()));
        RunCompleted completed = awaitRunCompleted(tap, runId, 1);

        assertThat(completed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(tap.payloadsOf(runId, StepRequested.class)).extracting(StepRequested::nodeId)
                .doesNotContain("probe");
        RunDocument run = store.find(runId).orElseThrow();
        assertThat(run.steps().get(run.indexOf("nmap")).runStatus()).isEqualTo(RunStatus.SUCCEEDED);
    }

    /**
     * Starts a run of {@code workflow} and waits for {@code nodeId}'s request and until everything of the run before it
     * (the start step's own result included) has been handled: what follows is caused by the test alone.
     */
    private StepRequested settledAt(String runId, WorkflowSnapshot workflow, String nodeId) {
        tap.publish(runId, request(workflow));
        StepRequested requested = awaitRequest(tap, runId, nodeId, 1);
        RecordMetadata marker = tap.publish(runId, new StepLog(runId + ":start", "start", 1, List.of("marker")));
        await().atMost(WAIT).until(() -> tap.processed(GROUP, marker));
        return requested;
    }

    /** A copy: other tests' runs may still be writing, and a view of the recording list would fail when they do. */
    private static List<RunCommand> commandsSince(int before) {
        List<RunCommand> all = List.copyOf(RUN_COMMANDS);
        return all.subList(before, all.size());
    }

    private static List<RunCommand> updatesOfStep(String runId, int index) {
        String prefix = "steps." + index + ".";
        return RUN_COMMANDS.stream().filter(command -> runId.equals(command.runId()))
                .filter(command -> command.fields().stream().anyMatch(field -> field.startsWith(prefix))).toList();
    }

    private static long readsOf(String runId) {
        return RUN_COMMANDS.stream().filter(command -> command.name().equals("find") && runId.equals(command.runId()))
                .count();
    }
}
