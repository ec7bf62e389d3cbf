package io.reconcraft.orchestrator.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.reconcraft.events.model.RunStatus;
import io.reconcraft.messaging.DuplicateKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Every change to a run is one conditional single-document update, and a method returns whether it
 * won: only the caller that won a transition publishes the event that reports it, so concurrent or
 * repeated callers (redelivered events, several pollers) never emit anything twice.
 * Blocking is fine here: callers are Kafka listener and scheduler threads, never event-loop threads.
 */
@Component
@RequiredArgsConstructor
public class RunStore {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> OPEN = List.of(RunStatus.QUEUED.wireName(), RunStatus.RUNNING.wireName());

    private final ReactiveMongoTemplate mongo;
    private final WrittenRuns writtenRuns;
    private final TaskResultStore results;

    /**
     * Inserts the runs not stored yet in one unordered insert for the whole batch, and returns the ids it inserted:
     * a run stored already (a redelivered RunRequested) is refused by the unique {@code _id} and keeps what it has,
     * the others are stored all the same. The first of several runs with one id counts.
     */
    public Set<String> insertAbsent(Collection<RunDocument> runs) {
        Map<String, RunDocument> byId = new LinkedHashMap<>();
        runs.forEach(run -> byId.putIfAbsent(run.id(), run));
        if (byId.isEmpty()) {
            return Set.of();
        }
        List<String> ids = List.copyOf(byId.keySet());
        List<Document> documents = byId.values().stream().map(this::toDocument).toList();
        Set<String> inserted = new LinkedHashSet<>();
        DuplicateKeys.insertNew(mongo.getCollection(RunDocument.COLLECTION), documents, TIMEOUT)
                .forEach(position -> inserted.add(ids.get(position)));
        return inserted;
    }

    private Document toDocument(RunDocument run) {
        Document document = new Document();
        mongo.getConverter().write(run, document);
        return document;
    }

    public Optional<RunDocument> find(String runId) {
        return Optional.ofNullable(results.withResults(mongo.findById(runId, RunDocument.class).block(TIMEOUT)));
    }

    public boolean markRunRunning(String runId) {
        return update(run(runId).and("status").is(RunStatus.QUEUED.wireName()),
                new Update().set("status", RunStatus.RUNNING.wireName()));
    }

    public void markRunQueued(String runId) {
        update(run(runId).and("status").is(RunStatus.RUNNING.wireName()),
                new Update().set("status", RunStatus.QUEUED.wireName()));
    }

    public boolean completeRun(String runId, RunStatus status, String outcome, String reason, Instant now) {
        return update(run(runId).and("status").in(OPEN), completed(new Update(), status, outcome, reason, now));
    }

    /** Adds to {@code update} the run's end. */
    static Update completed(Update update, RunStatus status, String outcome, String reason, Instant now) {
        return update.set("status", status.wireName()).set("outcome", outcome).set("reason", reason)
                .set("completedAt", now);
    }

    public void reopenRun(String runId, RunStatus status) {
        update(run(runId), new Update().set("status", status.wireName())
                .unset("outcome").unset("reason").unset("completedAt"));
    }

    /** Accepts a cancel once: false when the run already ended or a cancel was already accepted. */
    public boolean markCancelRequested(String runId, String requestedBy, String reason, Instant now) {
        return update(run(runId).and("status").in(OPEN).and("cancelRequestedAt").is(null), new Update()
                .set("cancelRequestedAt", now).set("cancelledBy", requestedBy).set("cancelReason", reason));
    }

    /**
     * failed → running with {@code steps} (the failed ones queued again); false when the run is not failed
     * or another retry of the same round won.
     */
    public boolean restartRun(RunDocument failed, List<StepDocument> steps) {
        return update(run(failed.id()).and("status").is(RunStatus.FAILED.wireName()).and("retryRound").is(failed.retryRound()),
                new Update().set("status", RunStatus.RUNNING.wireName()).set("steps", stored(steps))
                        .set("retryRound", failed.retryRound() + 1).set("activeTasks", 0).unset("outcome").unset("reason")
                        .unset("completedAt").unset("cancelRequestedAt").unset("cancelledBy").unset("cancelReason"));
    }

    /** Undoes a restart whose event could not be sent. */
    public void undoRestart(RunDocument failed) {
        update(run(failed.id()).and("retryRound").is(failed.retryRound() + 1), new Update()
                .set("status", failed.status()).set("outcome", failed.outcome()).set("reason", failed.reason())
                .set("completedAt", failed.completedAt()).set("steps", stored(failed.steps()))
                .set("cancelRequestedAt", failed.cancelRequestedAt()).set("cancelledBy", failed.cancelledBy())
                .set("cancelReason", failed.cancelReason()).set("retryRound", failed.retryRound())
                .set("activeTasks", failed.activeTasks()));
    }

    /** queued → running for the given attempt; {@code deadline} and {@code dueAt} may be null. */
    public boolean claimStep(String runId, int index, int attempt, Instant requestedAt, Instant deadline, Instant dueAt) {
        String step = "steps." + index + ".";
        return update(run(runId).and(step + "status").is(RunStatus.QUEUED.wireName()), new Update()
                .set(step + "status", RunStatus.RUNNING.wireName()).set(step + "attempt", attempt)
                .set(step + "requestedAt", requestedAt).set(step + "deadline", deadline).set(step + "dueAt", dueAt));
    }

    /**
     * queued → terminal for a step the orchestrator executes at once (an internal kind that does not wait): its claim
     * and its end in one update. False when another caller claimed the step first.
     */
    public boolean completeQueuedStep(String runId, int index, int attempt, StepResult result, Instant now) {
        String step = "steps." + index + ".";
        Update claimed = new Update().set(step + "attempt", attempt).set(step + "requestedAt", now)
                .set(step + "deadline", null).set(step + "dueAt", null);
        return update(run(runId).and(step + "status").is(RunStatus.QUEUED.wireName()), terminal(claimed, step, result, now));
    }

    /** Undoes a claim whose request could not be sent, so that the next pass sends it again. */
    public void releaseStep(String runId, int index, int attempt) {
        String step = "steps." + index + ".";
        update(run(runId).and(step + "status").is(RunStatus.RUNNING.wireName()).and(step + "attempt").is(attempt),
                new Update().set(step + "status", RunStatus.QUEUED.wireName())
                        .unset(step + "requestedAt").unset(step + "deadline").unset(step + "dueAt"));
    }

    /** running (this attempt) → terminal; false when the step already ended or another attempt is current. */
    public boolean completeStep(String runId, int index, int attempt, StepResult result, Instant now) {
        String step = "steps." + index + ".";
        return update(run(runId).and(step + "status").is(RunStatus.RUNNING.wireName()).and(step + "attempt").is(attempt),
                terminal(step, result, now));
    }

    /** queued → terminal, for a step that will never run (skipped branch, failed upstream). */
    public boolean resolveUnrunStep(String runId, int index, StepResult result, Instant now) {
        String step = "steps." + index + ".";
        return update(run(runId).and(step + "status").is(RunStatus.QUEUED.wireName()), terminal(step, result, now));
    }

    /** Undoes a completion whose event could not be sent; back to queued means "execute again". */
    public void reopenStep(String runId, int index, RunStatus status) {
        String step = "steps." + index + ".";
        Update update = new Update().set(step + "status", status.wireName()).unset(step + "outcome")
                .unset(step + "error").unset(step + "completedAt").unset(step + "findingsJson")
                .unset(step + "outputsJson").unset(step + "conditionResult");
        if (status == RunStatus.QUEUED) {
            update.unset(step + "requestedAt").unset(step + "deadline").unset(step + "dueAt");
        }
        update(run(runId), update);
    }

    public List<RunDocument> findWithDueDelays(Instant now) {
        return openRunsWithStep(where("status").is(RunStatus.RUNNING.wireName()).and("dueAt").lte(now), "dueAt", now);
    }

    public List<RunDocument> findWithOverdueSteps(Instant now) {
        return openRunsWithStep(where("status").is(RunStatus.RUNNING.wireName()).and("deadline").lte(now), "deadline",
                now);
    }

    /** Runs with a task past its deadline; a task has a deadline only while it runs. */
    public List<RunDocument> findWithOverdueTasks(Instant now) {
        Query query = Query.query(where("status").is(RunStatus.RUNNING.wireName()).and("steps.tasks.deadline").lte(now))
                .limit(500);
        return withResults(mongo.find(query, RunDocument.class).collectList().block(TIMEOUT));
    }

    /**
     * The ids of the runs with a task waiting to start (held back by a concurrency cap or waiting for its retry) that
     * have room under their own cap of {@code maxParallelTasksPerRun}: a run at its cap starts its next task when one
     * of its own ends, so looking at it meanwhile only reads it whole (1 MB for a run of 1,000 scans) for nothing.
     */
    public List<String> idsWithStartableTasks(int maxParallelTasksPerRun) {
        Query query = Query.query(where("status").is(RunStatus.RUNNING.wireName())
                .and("steps.tasks.status").is(RunStatus.QUEUED.wireName())
                .and("activeTasks").not().gte(maxParallelTasksPerRun)).limit(500);
        query.fields().include("_id");
        return mongo.find(query, Document.class, RunDocument.COLLECTION).map(run -> String.valueOf(run.get("_id")))
                .collectList().block(TIMEOUT);
    }

    /** Tasks running in all open runs, for the global concurrency cap. */
    public int countRunningTasks() {
        Query query = Query.query(where("status").is(RunStatus.RUNNING.wireName()).and("activeTasks").gt(0));
        query.fields().include("activeTasks");
        return mongo.find(query, Document.class, RunDocument.COLLECTION)
                .map(run -> run.get("activeTasks") instanceof Number active ? active.intValue() : 0)
                .reduce(0, Integer::sum).block(TIMEOUT);
    }

    /** How many runs are admitted and not yet ended. */
    public int countRunning() {
        return groupsOfRunningRuns().size();
    }

    /** The admission group of each run admitted and not yet ended ("unknown" for runs stored without one). */
    public List<String> groupsOfRunningRuns() {
        Query query = Query.query(where("status").is(RunStatus.RUNNING.wireName()));
        query.fields().include("admissionGroup");
        return mongo.find(query, Document.class, RunDocument.COLLECTION)
                .map(run -> run.get("admissionGroup") instanceof String group ? group : "unknown")
                .collectList().block(TIMEOUT);
    }

    /**
     * Runs waiting for admission, oldest first. The gateway's run ids are ObjectIds' hex strings, which the mapping
     * stores as ObjectIds: read as plain documents they come back as such, not as the strings the run is known by.
     */
    public List<WaitingRun> waitingForAdmission(int limit) {
        Query query = Query.query(where("status").is(RunStatus.QUEUED.wireName()).and("cancelRequestedAt").isNull())
                .with(org.springframework.data.domain.Sort.by("createdAt")).limit(limit);
        query.fields().include("_id").include("admissionGroup").include("createdAt");
        return mongo.find(query, Document.class, RunDocument.COLLECTION)
                .map(run -> new WaitingRun(String.valueOf(run.get("_id")),
                        run.get("admissionGroup") instanceof String group ? group : "unknown"))
                .collectList().block(TIMEOUT);
    }

    /**
     * Running runs with a step that {@code step} matches, whose {@code field} is at or before {@code due}: said of the
     * steps' field alone as well, which the step's condition implies, so that the index on it narrows the query to
     * the runs with such a step.
     */
    private List<RunDocument> openRunsWithStep(Criteria step, String field, Instant due) {
        Query query = Query.query(where("status").is(RunStatus.RUNNING.wireName()).and("steps." + field).lte(due)
                        .and("steps").elemMatch(step))
                .limit(500);
        return withResults(mongo.find(query, RunDocument.class).collectList().block(TIMEOUT));
    }

    private static Update terminal(String step, StepResult result, Instant now) {
        return terminal(new Update(), step, result, now);
    }

    /** Adds to {@code update} the fields of the step at {@code step} (a path prefix) ending with {@code result}. */
    static Update terminal(Update update, String step, StepResult result, Instant now) {
        return endFields(update, step, result, now)
                .set(step + "findingsJson", StepJson.write(result.findings()))
                .set(step + "outputsJson", StepJson.write(result.outputs()));
    }

    /**
     * {@link #terminal} for a step ending with its only task, in the update that ends the task with the same result:
     * the findings and outputs stay in the task alone ({@link StepJson} reads a step's from its only task), which
     * keeps them out of the run document twice.
     */
    static Update terminalWithItsOnlyTask(Update update, String step, StepResult result, Instant now) {
        return endFields(update, step, result, now).unset(step + "findingsJson").unset(step + "outputsJson");
    }

    private static Update endFields(Update update, String step, StepResult result, Instant now) {
        return update.set(step + "status", result.status().wireName()).set(step + "outcome", result.outcome())
                .set(step + "error", result.error()).set(step + "completedAt", now)
                .set(step + "conditionResult", result.conditionResult());
    }

    /** The runs with their tasks' results filled in, outside the driver's threads: that may read them. */
    private List<RunDocument> withResults(List<RunDocument> runs) {
        return runs == null ? List.of() : runs.stream().map(results::withResults).toList();
    }

    /** Steps as the run document holds them, without the results filled in from where they are kept apart. */
    private static List<StepDocument> stored(List<StepDocument> steps) {
        return steps.stream().map(StepDocument::asStored).toList();
    }

    private static Criteria run(String runId) {
        return where("_id").is(runId);
    }

    /** Every guard names the state it leaves, so a matched document is a changed one. */
    private boolean update(Criteria criteria, Update update) {
        RunDocument written = results.withResults(
                GuardedRunUpdate.apply(mongo, criteria, update, writtenRuns.lastOf(criteria)));
        if (written == null) {
            return false;
        }
        writtenRuns.record(written);
        return true;
    }
}
