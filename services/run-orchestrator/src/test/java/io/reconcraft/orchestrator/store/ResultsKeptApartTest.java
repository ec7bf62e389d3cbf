package io.reconcraft.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.Severity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;

/**
 * The results of a wide run's tasks in documents of their own, on the real MongoDB-wire server in a database of its
 * own: the run document refers to them, every read of the run has them filled in, and a result whose update lost is
 * not kept.
 */
class ResultsKeptApartTest extends StoresOnRealServerTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final Instant DEADLINE = NOW.plusSeconds(600);
    private static final Finding PORT = new Finding("nmap-1", Severity.LOW, "Open port 22/tcp (ssh)", "ssh answers",
            "ssh", 22, "127.0.0.1", "nmap", "f1", Map.of("state", "open"));
    private static final StepResult FOUND = new StepResult(RunStatus.SUCCEEDED, null, null, List.of(PORT),
            Map.of("hosts", List.of("127.0.0.1")), null);

    ResultsKeptApartTest() {
        super("apart-");
    }

    @Test
    void givenARunOfManySteps_whenATaskEndsWithFindings_thenTheRunDocumentRefersToThemStoredApart() {
        RunDocument run = storedRunOfScans(TaskRef.RESULTS_IN_THE_RUN_UP_TO + 1);

        assertThat(tasks.endWithStep(TaskRef.of(run, 0, 0), FOUND, NOW)).isTrue();

        Document task = storedTask(run.id());
        assertThat(task.getString("resultId")).isNotNull();
        assertThat(task).doesNotContainKeys("findingsJson", "outputsJson");
        assertThat(storedResults()).singleElement()
                .satisfies(result -> assertThat(result.getString("_id")).isEqualTo(task.getString("resultId")));
    }

    @Test
    void givenATasksResultKeptApart_whenTheRunIsReadByAnotherInstance_thenItsFindingsAndOutputsAreFilledIn() {
        RunDocument run = storedRunOfScans(TaskRef.RESULTS_IN_THE_RUN_UP_TO + 1);
        tasks.endWithStep(TaskRef.of(run, 0, 0), FOUND, NOW);
        RunStore restarted = new RunStore(mongo, new WrittenRuns(), new TaskResultStore(mongo));

        StepDocument scan = restarted.find(run.id()).orElseThrow().steps().get(0);

        assertThat(StepJson.findings(scan)).containsExactly(PORT);
        assertThat(StepJson.outputs(scan)).isEqualTo(Map.of("hosts", List.of("127.0.0.1")));
    }

    @Test
    void givenATasksResultKeptApart_whenTheRunIsWrittenAgain_thenTheRunAsWrittenHasItFilledIn() {
        RunDocument run = storedRunOfScans(TaskRef.RESULTS_IN_THE_RUN_UP_TO + 1);
        tasks.endWithStep(TaskRef.of(run, 0, 0), FOUND, NOW);

        assertThat(tasks.endWithStep(TaskRef.of(run, 1, 0), StepResult.succeeded(Map.of()), NOW)).isTrue();

        RunDocument asWritten = written.lastOf(run.id()).orElseThrow();
        assertThat(StepJson.findings(asWritten.steps().get(0))).containsExactly(PORT);
        assertThat(StepJson.findings(asWritten.steps().get(1))).isEmpty();
    }

    @Test
    void givenATaskEndedAlready_whenItsResultArrivesAgain_thenTheDuplicatesResultIsNotKept() {
        RunDocument run = storedRunOfScans(TaskRef.RESULTS_IN_THE_RUN_UP_TO + 1);
        tasks.endWithStep(TaskRef.of(run, 0, 0), FOUND, NOW);

        assertThat(tasks.endWithStep(TaskRef.of(run, 0, 0), FOUND, NOW)).isFalse();

        assertThat(storedResults()).hasSize(1);
    }

    @Test
    void givenARunOfFewSteps_whenATaskEndsWithFindings_thenTheyStayInTheTask() {
        RunDocument run = storedRunOfScans(TaskRef.RESULTS_IN_THE_RUN_UP_TO);

        tasks.endWithStep(TaskRef.of(run, 0, 0), FOUND, NOW);

        Document task = storedTask(run.id());
        assertThat(task).doesNotContainKey("resultId").containsKey("findingsJson");
        assertThat(storedResults()).isEmpty();
    }

    @Test
    void givenATaskReferringToAResultNotFilledIn_whenItsFindingsAreRead_thenTheReadFailsInsteadOfFindingNone() {
        TaskDocument ended = TaskDocument.queued("r:scan0", null, 1).startedAt(NOW, DEADLINE).endedWith(FOUND, NOW);
        TaskDocument referring = new TaskDocument(ended.stepId(), null, ended.status(), 1, 0, NOW, null, null, NOW,
                null, null, null, null, "an-id", false, List.of());

        assertThatThrownBy(() -> StepJson.findings(referring)).isInstanceOf(IllegalStateException.class);
    }

    /** A running run of {@code count} scans, each running its only task. */
    private RunDocument storedRunOfScans(int count) {
        String id = "run-" + UUID.randomUUID();
        List<StepDocument> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TaskDocument task = TaskDocument.queued(id + ":scan" + i, null, 1).startedAt(NOW, DEADLINE);
            steps.add(new StepDocument("scan" + i, "nmap", "scan" + i, RunStatus.RUNNING.wireName(), null, 1, NOW,
                    null, null, null, null, null, null, null, List.of(task)));
        }
        RunDocument accepted = RunDocument.accepted(id, "{}", List.of("127.0.0.1"), "demo", List.of("127.0.0.1"), NOW,
                steps, "test");
        runs.insertAbsent(List.of(accepted.withStep(0, accepted.steps().get(0), count)));
        assertThat(runs.markRunRunning(id)).isTrue();
        return runs.find(id).orElseThrow();
    }

    /** The first step's task as the run document holds it. */
    private Document storedTask(String runId) {
        Document run = mongo.findOne(Query.query(Criteria.where("_id").is(runId)), Document.class, RunDocument.COLLECTION).block();
        Document step = run.getList("steps", Document.class).get(0);
        return step.getList("tasks", Document.class).get(0);
    }

    private List<Document> storedResults() {
        return mongo.getCollection(TaskResultStore.COLLECTION)
                .flatMapMany(stored -> Flux.from(stored.find()))
                .collectList().blockOptional().orElse(List.of());
    }
}
