package io.reconcraft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.Topics;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunSummary;
import io.reconcraft.events.model.Severity;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.RunTrigger;
import io.reconcraft.gateway.findings.StepFinding;
import io.reconcraft.gateway.inbound.RunEventsListener;
import io.reconcraft.gateway.run.RunView;
import io.reconcraft.gateway.run.StepView;
import io.reconcraft.gateway.store.RunStore;
import io.reconcraft.gateway.store.RunViewChange;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** The one owner of the runs collection returns what it wrote. */
class RunStoreTest extends GatewayTestSupport {

    @Autowired
    RunStore runs;

    @Autowired
    RunEventsListener runEvents;

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
        RunView running = running(view, view.steps());

        List<RunView> written = runs.writeAll(List.of(RunViewChange.whole(running))).block();

        assertThat(written).containsExactly(running);
        assertThat(runs.find(view.id()).block().status()).isEqualTo(RunStatus.RUNNING);
        assertThat(runs.progress(view.id()).block().ended()).isFalse();
    }

    @Test
    void givenAViewOfSeveralSteps_whenWrittenWithOneStepChanged_thenOnlyThatStepAndTheReadModelsFieldsAreWritten() {
        RunView view = runs.insertOnce(queuedWithSteps("three scans", "a", "b", "c")).block();
        renameStepBehindTheStoresBack(view.id(), 0);
        Instant started = Instant.parse("2026-12-05T10:15:30.123456789Z");
        List<StepView> steps = List.of(view.steps().get(0), new StepView("b", "b", RunStatus.RUNNING, List.of("up"),
                List.of(), started, null, null), view.steps().get(2));

        runs.writeAll(List.of(new RunViewChange(running(view, steps), List.of(1)))).block();

        RunView stored = runs.find(view.id()).block();
        assertThat(stored.steps().get(0).name()).isEqualTo("renamed elsewhere");
        assertThat(stored.steps().subList(1, 3)).isEqualTo(running(view, steps).atStoredPrecision().steps().subList(1, 3));
        assertThat(stored.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(stored.position()).isEqualTo(new RunView.ReadPosition(1, 42));
        assertThat(stored.recentEventIds()).containsExactly("event-1", "event-2");
        assertThat(runs.findAsLastWritten(List.of(view.id())).blockFirst())
                .isEqualTo(running(view, steps).atStoredPrecision());
    }

    @Test
    void givenAStoredOutcome_whenAViewWithoutOneIsWrittenByItsChanges_thenTheStoredOutcomeIsRemoved() {
        RunView view = runs.insertOnce(queued("outcome cleared")).block();
        RunView withOutcome = running(view, view.steps());
        withOutcome = new RunView(withOutcome.id(), withOutcome.workflowId(), withOutcome.workflowName(),
                RunStatus.FAILED, withOutcome.targets(), withOutcome.runMode(), withOutcome.startedAt(), null, null,
                "timeout", withOutcome.steps(), null, withOutcome.trigger(), 4L, withOutcome.position(),
                withOutcome.recentEventIds(), withOutcome.admissionGroup(), null);
        runs.writeAll(List.of(RunViewChange.whole(withOutcome))).block();

        runs.writeAll(List.of(new RunViewChange(running(view, view.steps()), List.of()))).block();

        RunView stored = runs.find(view.id()).block();
        assertThat(stored.outcome()).isNull();
        assertThat(stored).isEqualTo(running(view, view.steps()));
    }

    @Test
    void givenAStoredView_whenRemoved_thenItIsReturnedOnce_andTheRunIsGone() {
        RunView view = runs.insertOnce(queued("removed")).block();

        assertThat(runs.remove(view).block()).isEqualTo(view);
        assertThat(runs.remove(view).blockOptional()).isEmpty();
        assertThat(runs.exists(view.id()).block()).isFalse();
        assertThat(runs.progress(view.id()).blockOptional()).isEmpty();
    }

    @Test
    void givenARunInsertedHere_whenReadAsLastWritten_thenItIsTheViewWrittenWithoutReadingTheStore() {
        RunView view = runs.insertOnce(queued("inserted here")).block();
        renameBehindTheStoresBack(view.id());

        assertThat(runs.findAsLastWritten(List.of(view.id())).collectList().block())
                .extracting(RunView::workflowName).containsExactly("inserted here");
        assertThat(runs.find(view.id()).block().workflowName()).isEqualTo("renamed elsewhere");
    }

    @Test
    void givenARunReplacedHere_whenReadAsLastWritten_thenItReadsExactlyAsTheStoredDocumentDoes() {
        RunView view = runs.insertOnce(queued("replaced here")).block();
        // the events' times carry nanoseconds; the store keeps milliseconds, and so must the remembered view
        Instant started = Instant.parse("2026-12-03T10:15:30.123456789Z");
        StepFinding finding = new StepFinding("f-1", Severity.LOW, "Open port 22/tcp", "ssh answers", "ssh", 22,
                "127.0.0.1", "nmap", "fp-22", Map.of("product", "OpenSSH", "ports", List.of(22, 2222), "score", 7.5,
                "seen", Map.of("first", 1, "big", 12_345_678_901L), "banner", ""), "fnd-1", "new");
        RunView running = running(view, List.of(new StepView("scan", "Scan", RunStatus.SUCCEEDED, List.of("up"),
                List.of(finding), started, started.plusMillis(5), "ok")));
        RunView ended = new RunView(running.id(), running.workflowId(), running.workflowName(), RunStatus.SUCCEEDED,
                running.targets(), running.runMode(), running.startedAt(), started.plusSeconds(1), 1.5, null,
                running.steps(), RunSummary.of(List.of()), running.trigger(), 4L,
                running.position(), running.recentEventIds(), running.admissionGroup(), null);
        runs.writeAll(List.of(RunViewChange.whole(ended))).block();

        RunView remembered = runs.findAsLastWritten(List.of(view.id())).blockFirst();

        assertThat(remembered).isEqualTo(runs.find(view.id()).block());
        assertThat(remembered.steps().get(0).startedAt()).isEqualTo(started.truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void givenARunInsertedHereWithFinerTimes_whenReadAsLastWritten_thenItReadsExactlyAsTheStoredDocumentDoes() {
        RunView view = RunView.queued(UUID.randomUUID().toString(), "wf-1", "inserted", List.of("127.0.0.1"),
                RunMode.DEMO, Instant.parse("2026-12-03T10:15:30.123456789Z"), List.of(StepView.queued("scan", "Scan")),
                RunTrigger.api(), "key-1");
        runs.insertOnce(view).block();

        assertThat(runs.findAsLastWritten(List.of(view.id())).blockFirst()).isEqualTo(runs.find(view.id()).block());
    }

    @Test
    void givenRunsWrittenHere_whenTheReadModelsPartitionsAreRevoked_thenTheirViewsAreReadFromTheStore() {
        RunView view = runs.insertOnce(queued("written before a rebalance")).block();
        renameBehindTheStoresBack(view.id());

        runEvents.onPartitionsRevoked(List.of(new TopicPartition(Topics.RUN_EVENTS, 0)));

        assertThat(runs.findAsLastWritten(List.of(view.id())).blockFirst().workflowName())
                .isEqualTo("renamed elsewhere");
    }

    @Test
    void givenARunWhoseViewTheReadModelWroteHere_whenShown_thenItIsThatViewWithoutReadingTheStore() {
        RunView view = runs.insertOnce(queued("written by the read model here")).block();
        runs.writeAll(List.of(RunViewChange.whole(running(view, view.steps())))).block();
        renameBehindTheStoresBack(view.id());

        RunView shown = runs.findShown(view.id()).block();

        assertThat(shown.workflowName()).isEqualTo("written by the read model here");
        assertThat(shown.status()).isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void givenARunWhoseViewTheReadModelWroteHere_whenAskedWhetherItExistsAndEnded_thenThatViewAnswersWithoutAQuery() {
        RunView view = runs.insertOnce(queued("followed by an event stream")).block();
        runs.writeAll(List.of(RunViewChange.whole(running(view, view.steps())))).block();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(view.id())),
                Update.update("status", RunStatus.SUCCEEDED), RunView.class).block();

        assertThat(runs.exists(view.id()).block()).isTrue();
        assertThat(runs.progress(view.id()).block().ended()).isFalse();
        assertThat(runs.find(view.id()).block().status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void givenARunInsertedHereWhosePartitionIsReadHere_whenShown_thenItIsTheViewInsertedWithoutReadingTheStore() {
        RunView view = runs.insertOnce(queued("inserted here, read here")).block();
        renameBehindTheStoresBack(view.id());

        assertThat(runs.findShown(view.id()).block().workflowName()).isEqualTo("inserted here, read here");
    }

    @Test
    void givenARunInsertedHereWhosePartitionIsReadElsewhere_whenShown_thenItIsReadFromTheStore() {
        runEvents.onPartitionsRevoked(bothPartitions()); // read by another instance, which writes the run from now on
        RunView view = runs.insertOnce(queued("inserted here, read elsewhere")).block();
        renameBehindTheStoresBack(view.id());

        assertThat(runs.findShown(view.id()).block().workflowName()).isEqualTo("renamed elsewhere");
    }

    @Test
    void givenARunTheReadModelWroteHere_whenItsPartitionsAreRevoked_thenItIsShownAsStored() {
        RunView view = runs.insertOnce(queued("written before a rebalance")).block();
        runs.writeAll(List.of(RunViewChange.whole(running(view, view.steps())))).block();
        renameBehindTheStoresBack(view.id());

        runEvents.onPartitionsRevoked(List.of(new TopicPartition(Topics.RUN_EVENTS, 0)));

        assertThat(runs.findShown(view.id()).block().workflowName()).isEqualTo("renamed elsewhere");
    }

    @Test
    void givenRunsWhoseViewsTheReadModelWroteHere_whenListed_thenThoseViewsAreShownNewestFirstWithoutReadingTheStore() {
        String workflowId = "wf-" + UUID.randomUUID();
        Instant first = Instant.parse("2026-12-06T10:00:00Z");
        List<RunView> written = List.of(queuedIn(workflowId, first), queuedIn(workflowId, first.plusSeconds(1)),
                queuedIn(workflowId, first.plusSeconds(2)));
        for (RunView view : written) {
            runs.insertOnce(view).block();
            runs.writeAll(List.of(RunViewChange.whole(running(view, view.steps())))).block();
            renameBehindTheStoresBack(view.id());
        }

        List<RunView> page = runs.list(workflowId, null, 50, 0).collectList().block();

        assertThat(page).extracting(RunView::id)
                .containsExactly(written.get(2).id(), written.get(1).id(), written.get(0).id());
        assertThat(page).extracting(RunView::workflowName).containsOnly("written by the read model here");
        assertThat(page).extracting(RunView::status).containsOnly(RunStatus.RUNNING);
    }

    @Test
    void givenAPageOfViewsHeldHereAndAViewOnlyStored_whenListed_thenEachIsShownAsAReadShowsIt_inTheStoresOrder() {
        String workflowId = "wf-" + UUID.randomUUID();
        Instant first = Instant.parse("2026-12-06T10:00:00Z");
        runEvents.onPartitionsRevoked(bothPartitions()); // the oldest run is written by another instance
        RunView readElsewhere = runs.insertOnce(queuedIn(workflowId, first)).block();
        theReadModelReadsBothPartitionsAgain();
        RunView writtenHere = runs.insertOnce(queuedIn(workflowId, first.plusSeconds(1))).block();
        runs.writeAll(List.of(RunViewChange.whole(running(writtenHere, writtenHere.steps())))).block();
        RunView insertedHere = runs.insertOnce(queuedIn(workflowId, first.plusSeconds(2))).block();
        List.of(readElsewhere, writtenHere, insertedHere).forEach(view -> renameBehindTheStoresBack(view.id()));

        List<RunView> page = runs.list(workflowId, null, 50, 0).collectList().block();
        List<RunView> secondOfOne = runs.list(workflowId, null, 1, 1).collectList().block();

        assertThat(page).extracting(RunView::id)
                .containsExactly(insertedHere.id(), writtenHere.id(), readElsewhere.id());
        assertThat(page).extracting(RunView::workflowName)
                .containsExactly("written by the read model here", "written by the read model here",
                        "renamed elsewhere");
        assertThat(page.get(1).status()).isEqualTo(RunStatus.RUNNING);
        assertThat(secondOfOne).extracting(RunView::id).containsExactly(writtenHere.id());
    }

    @Test
    void givenARemovedRun_whenReadAsLastWritten_thenItIsNotFound() {
        RunView view = runs.insertOnce(queued("removed here")).block();
        runs.remove(view).block();

        assertThat(runs.findAsLastWritten(List.of(view.id())).collectList().block()).isEmpty();
    }

    @Test
    void givenARunRemovedBeforeItsViewIsReplaced_whenReadAsLastWritten_thenItIsNotFound() {
        RunView view = runs.insertOnce(queued("removed before the replace")).block();
        mongo.remove(Query.query(Criteria.where("_id").is(view.id())), RunView.class).block();

        runs.writeAll(List.of(RunViewChange.whole(running(view, view.steps())))).block();

        assertThat(runs.findAsLastWritten(List.of(view.id())).collectList().block()).isEmpty();
    }

    @AfterEach
    void theReadModelReadsBothPartitionsAgain() {
        runEvents.onPartitionsAssigned(bothPartitions().stream().collect(Collectors.toMap(p -> p, p -> 0L)), null);
    }

    @Test
    void givenAWideRun_whenAStepWithLogsAndFindingsIsWritten_thenTheViewDocumentHoldsNeitherAndEveryReadShowsBoth() {
        RunView view = runs.insertOnce(queuedWithSteps("wide", wideNodeIds())).block();
        List<StepView> steps = new java.util.ArrayList<>(view.steps());
        steps.set(5, scannedStep("scan5"));
        RunView running = running(view, steps);

        runs.writeAll(List.of(new RunViewChange(running, List.of(5)))).block();

        org.bson.Document stored = storedView(view.id());
        org.bson.Document step = stored.getList("steps", org.bson.Document.class).get(5);
        assertThat(step).doesNotContainKeys("logs", "findings");
        assertThat(step.getString("status")).isEqualTo("RUNNING");
        assertThat(runs.find(view.id()).block()).isEqualTo(running.atStoredPrecision());
        assertThat(runs.list(view.workflowId(), null, 10, 0).blockFirst().steps().get(5))
                .isEqualTo(running.atStoredPrecision().steps().get(5));
        runs.forgetWritten();
        assertThat(runs.findShown(view.id()).block().steps().get(5).findings())
                .isEqualTo(running.steps().get(5).findings());
    }

    @Test
    void givenAWideRunReplacedWhole_whenRead_thenEveryStepShowsItsLogsAndFindings() {
        RunView view = runs.insertOnce(queuedWithSteps("wide whole", wideNodeIds())).block();
        List<StepView> steps = view.steps().stream().map(step -> scannedStep(step.nodeId())).toList();
        RunView running = running(view, steps);

        runs.writeAll(List.of(RunViewChange.whole(running))).block();

        assertThat(storedView(view.id()).getList("steps", org.bson.Document.class))
                .allSatisfy(step -> assertThat(step).doesNotContainKeys("logs", "findings"));
        assertThat(runs.findAll(List.of(view.id())).blockFirst()).isEqualTo(running.atStoredPrecision());
    }

    @Test
    void givenARunOfFewSteps_whenAStepWithLogsIsWritten_thenTheViewDocumentHoldsThem() {
        RunView view = runs.insertOnce(queuedWithSteps("narrow", "a", "b")).block();
        RunView running = running(view, List.of(scannedStep("a"), view.steps().get(1)));

        runs.writeAll(List.of(new RunViewChange(running, List.of(0)))).block();

        assertThat(storedView(view.id()).getList("steps", org.bson.Document.class).get(0))
                .containsKeys("logs", "findings");
        assertThat(mongo.count(Query.query(Criteria.where("runId").is(view.id())), "run_step_details").block())
                .isZero();
    }

    @Test
    void givenAWideRunWithStepDetails_whenRemoved_thenItsDetailsAreRemovedToo() {
        RunView view = runs.insertOnce(queuedWithSteps("wide removed", wideNodeIds())).block();
        List<StepView> steps = new java.util.ArrayList<>(view.steps());
        steps.set(0, scannedStep("scan0"));
        runs.writeAll(List.of(new RunViewChange(running(view, steps), List.of(0)))).block();

        runs.remove(view).block();

        assertThat(mongo.count(Query.query(Criteria.where("runId").is(view.id())), "run_step_details").block())
                .isZero();
    }

    private static String[] wideNodeIds() {
        return java.util.stream.IntStream.range(0, 40).mapToObj(i -> "scan" + i).toArray(String[]::new);
    }

    /** A step that ran: its logs and a finding. */
    private static StepView scannedStep(String nodeId) {
        StepFinding port = new StepFinding("nmap-" + nodeId, Severity.LOW, "Open port 22/tcp (ssh)", "ssh answers",
                "ssh", 22, "127.0.0.1", "nmap", "fp-" + nodeId, Map.of("state", "open"), null, null);
        return new StepView(nodeId, nodeId, RunStatus.RUNNING, List.of("Starting Nmap", "22/tcp open ssh"),
                List.of(port), Instant.parse("2026-12-06T07:00:00.123Z"), null, null);
    }

    private org.bson.Document storedView(String runId) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(runId)), org.bson.Document.class,
                mongo.getCollectionName(RunView.class)).block();
    }

    private static List<TopicPartition> bothPartitions() {
        return List.of(new TopicPartition(Topics.RUN_EVENTS, 0), new TopicPartition(Topics.RUN_EVENTS, 1));
    }

    /** What another gateway instance that read the run's partition meanwhile would do. */
    private void renameBehindTheStoresBack(String runId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(runId)),
                Update.update("workflowName", "renamed elsewhere"), RunView.class).block();
    }

    /** What another gateway instance that read the run's partition meanwhile would do to one of its steps. */
    private void renameStepBehindTheStoresBack(String runId, int index) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(runId)),
                Update.update("steps." + index + ".name", "renamed elsewhere"), RunView.class).block();
    }

    private static RunView queuedWithSteps(String workflowName, String... nodeIds) {
        String id = UUID.randomUUID().toString();
        return RunView.queued(id, "wf-" + id, workflowName, List.of("127.0.0.1"), RunMode.DEMO,
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                java.util.Arrays.stream(nodeIds).map(node -> StepView.queued(node, node)).toList(), RunTrigger.api(),
                "key-1");
    }

    private static RunView running(RunView view, List<StepView> steps) {
        return new RunView(view.id(), view.workflowId(), view.workflowName(), RunStatus.RUNNING, view.targets(),
                view.runMode(), view.startedAt(), null, null, null, steps, null, view.trigger(), 3L,
                new RunView.ReadPosition(1, 42), List.of("event-1", "event-2"), view.admissionGroup(), null);
    }

    private static RunView queuedIn(String workflowId, Instant startedAt) {
        String id = UUID.randomUUID().toString();
        return RunView.queued(id, workflowId, "written by the read model here", List.of("127.0.0.1"), RunMode.DEMO,
                startedAt, List.of(StepView.queued("scan", "Scan")), RunTrigger.api(), "key-1");
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
