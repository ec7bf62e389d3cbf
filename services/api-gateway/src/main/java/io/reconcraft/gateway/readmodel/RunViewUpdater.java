package io.reconcraft.gateway.readmodel;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.FindingsUpdated;
import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.RunStatusChanged;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepLog;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.gateway.findings.StepFindingRefs;
import io.reconcraft.gateway.run.RunView;
import io.reconcraft.gateway.run.StepView;
import io.reconcraft.gateway.stream.RunEvent;
import io.reconcraft.gateway.stream.RunEventDrafts;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Applies run and step events to the run view. Each change, the record that its event was applied and the SSE
 * events it produces happen in ONE conditional single-document update (see {@link OnceApplier}), so a redelivered
 * event matches nothing and changes nothing.
 */
@Component
public class RunViewUpdater {

    private static final Logger log = LoggerFactory.getLogger(RunViewUpdater.class);
    private static final String STEP = "steps.$.";

    private final ReactiveMongoTemplate mongo;
    private final OnceApplier applier;
    private final RunEventDrafts drafts;

    public RunViewUpdater(ReactiveMongoTemplate mongo, OnceApplier applier, RunEventDrafts drafts) {
        this.mongo = mongo;
        this.applier = applier;
        this.drafts = drafts;
    }

    public Mono<Boolean> stepStarted(EventEnvelope event, StepStarted started) {
        // Also the start of a next attempt after a failed one: the earlier ending no longer holds.
        return applyToStep(event, started.nodeId(), () -> new Update()
                .set(STEP + "status", RunStatus.RUNNING)
                .set(STEP + "startedAt", event.occurredAt())
                .unset(STEP + "completedAt")
                .unset(STEP + "outcome"), drafts.stepStarted(event, started));
    }

    public Mono<Boolean> stepLog(EventEnvelope event, StepLog logged) {
        return applyToStep(event, logged.nodeId(), () -> new Update()
                .push(STEP + "logs").each(logged.lines().toArray()), drafts.stepLog(event, logged));
    }

    public Mono<Boolean> stepCompleted(EventEnvelope event, StepCompleted completed) {
        if (!StepIds.isNodeResult(event.runId(), completed)) {
            // One target's task of a fanned-out node: the orchestrator follows it with the node's merged result.
            log.debug("task result {} of node {} is folded into the node's result", completed.stepId(), completed.nodeId());
            return Mono.just(false);
        }
        return applyToStep(event, completed.nodeId(), () -> {
            Update update = new Update()
                    .set(STEP + "status", completed.status())
                    .set(STEP + "completedAt", event.occurredAt())
                    // the node's result carries all its findings, so a later attempt replaces, never adds
                    .set(STEP + "findings", completed.findings());
            if (completed.outcome() != null) {
                update.set(STEP + "outcome", completed.outcome());
            }
            if (completed.status() == RunStatus.FAILED && completed.error() != null) {
                update.push(STEP + "logs", "error: " + completed.error());
            }
            return update;
        }, drafts.stepCompleted(event, completed));
    }

    /** The findings service filed a step's findings: each gains its stored finding's id and its change in this run. */
    public Mono<Boolean> findingsUpdated(EventEnvelope event, FindingsUpdated updated) {
        return StepFindingRefs.nodeOf(event.runId(), updated)
                .map(nodeId -> applier.apply(event, Criteria.where("steps.nodeId").is(nodeId), () -> {
                    Update update = new Update();
                    StepFindingRefs.fieldsOf(updated).forEach((path, value) -> update.set(STEP + path, value));
                    return update;
                }, List.of()))
                .orElseGet(() -> Mono.just(false));
    }

    public Mono<Boolean> runStatusChanged(EventEnvelope event, RunStatusChanged changed) {
        if (RunRetry.OUTCOME.equals(changed.outcome())) {
            return retry(event, changed);
        }
        Supplier<Update> change = () -> {
            Update update = new Update().set("status", changed.status());
            if (changed.outcome() != null) {
                update.set("outcome", changed.outcome());
            }
            return update;
        };
        // A late "running" must not reopen a run that already ended.
        return applier.apply(event, Criteria.where("status").nin(RunStatus.SUCCEEDED, RunStatus.FAILED), change,
                drafts.runStatusChanged(event, changed));
    }

    public Mono<Boolean> runCompleted(EventEnvelope event, RunCompleted completed) {
        return mongo.findById(event.runId(), RunView.class).flatMap(run -> applier.apply(event, null, () -> {
            Update update = new Update()
                    .set("status", completed.status())
                    .set("endedAt", event.occurredAt())
                    .set("duration", seconds(Duration.between(run.startedAt(), event.occurredAt())));
            if (completed.outcome() != null) {
                update.set("outcome", completed.outcome());
            }
            if (completed.summary() != null) {
                update.set("summary", completed.summary());
            }
            return update;
        }, drafts.runCompleted(event, completed))).switchIfEmpty(Mono.fromSupplier(() -> OnceApplier.unknownRun(event)));
    }

    /** A finished run walks again from its failed steps: it is running, and those steps are queued once more. */
    private Mono<Boolean> retry(EventEnvelope event, RunStatusChanged changed) {
        return mongo.findById(event.runId(), RunView.class)
                .flatMap(run -> applier.apply(event, null, () -> RunRetry.reopen(run),
                        drafts.runStatusChanged(event, changed)))
                .switchIfEmpty(Mono.fromSupplier(() -> OnceApplier.unknownRun(event)));
    }

    private Mono<Boolean> applyToStep(EventEnvelope event, String nodeId, Supplier<Update> change,
            List<RunEvent.Draft> events) {
        Criteria step = Criteria.where("steps.nodeId").is(nodeId);
        return applier.apply(event, step, change, events).flatMap(applied -> applied
                ? Mono.just(true)
                : addMissingStep(event.runId(), nodeId)
                        .flatMap(added -> added ? applier.apply(event, step, change, events) : Mono.just(false)));
    }

    /** A step the run did not list (for example a node added by a newer orchestrator) is shown rather than lost. */
    private Mono<Boolean> addMissingStep(String runId, String nodeId) {
        if (nodeId == null) {
            return Mono.just(false);
        }
        Query query = Query.query(Criteria.where("_id").is(runId).and("steps.nodeId").ne(nodeId));
        return mongo.updateFirst(query, new Update().push("steps", StepView.queued(nodeId, nodeId)), RunView.class)
                .map(result -> result.getModifiedCount() > 0);
    }

    private static double seconds(Duration duration) {
        return Math.max(0, duration.toMillis()) / 1000.0;
    }
}
