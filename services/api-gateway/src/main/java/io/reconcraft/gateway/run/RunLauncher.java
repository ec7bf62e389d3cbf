package io.reconcraft.gateway.run;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.RunRequested;
import io.reconcraft.events.model.AdmissionGroup;
import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunTrigger;
import io.reconcraft.events.model.WorkflowSnapshot;
import io.reconcraft.gateway.error.ApiException;
import io.reconcraft.gateway.error.FieldProblem;
import io.reconcraft.gateway.store.RunStore;
import io.reconcraft.gateway.targets.TargetService;
import io.reconcraft.gateway.workflow.WorkflowRules;
import io.reconcraft.gateway.workflow.WorkflowService;
import io.reconcraft.messaging.EventPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Accepts a run: checks the input and the scope, stores the run's view as queued, then emits RunRequested.
 * The view is stored first so that no event about the run can arrive before the run is known here.
 */
@Service
@RequiredArgsConstructor
public class RunLauncher {

    private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);

    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    private final WorkflowService workflows;
    private final WorkflowRules workflowRules;
    private final TargetService targets;
    private final ScopeGuard scopeGuard;
    private final RunStore runs;
    private final EventPublisher publisher;
    private final IntegrationWebhooks webhooks;
    private final Clock clock;

    public Mono<RunView> runSaved(RunRequest request, String requestedBy) {
        return runSaved(request, null, RunTrigger.api(), requestedBy);
    }

    /**
     * Runs a saved workflow as {@link #runSaved(RunRequest, String)} does, checks included, under a run id the
     * caller derived (a schedule's due time). Idempotent: when that run is already stored it is published again,
     * never stored twice; the orchestrator keeps the first RunRequested of a run id.
     */
    public Mono<RunView> runSaved(RunRequest request, String runId, RunTrigger trigger, String requestedBy) {
        return Mono.defer(() -> {
            List<String> runTargets = savedRunTargets(request);
            // the workflow and the scope are read side by side: one round trip to MongoDB's latency, not two
            return Mono.zip(workflows.get(request.workflowId()), targets.currentScope()).flatMap(found -> launch(
                    found.getT1().snapshot(), runTargets, request.runMode(),
                    Boolean.TRUE.equals(request.authorizeTargets()), "", requestedBy, runId, trigger, found.getT2()));
        });
    }

    /** Every check {@link #runSaved(RunRequest, String)} makes (input, workflow, scope now), without starting it. */
    public Mono<Void> checkSaved(RunRequest request) {
        return Mono.defer(() -> {
            List<String> runTargets = savedRunTargets(request);
            return Mono.zip(workflows.get(request.workflowId()), targets.currentScope())
                    .doOnNext(found -> scopeGuard.requireAllowed(request.runMode(),
                            Boolean.TRUE.equals(request.authorizeTargets()), runTargets, found.getT1().snapshot(), "",
                            found.getT2()))
                    .then();
        });
    }

    private static List<String> savedRunTargets(RunRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.workflowId() == null || request.workflowId().isBlank()) {
            problems.add(new FieldProblem("workflowId", "required"));
        }
        List<String> runTargets = RunInputChecks.targets(request.targets(), problems);
        RunInputChecks.runMode(request.runMode(), problems);
        requireNoProblems(problems);
        return runTargets;
    }

    public Mono<RunView> runInline(ExecuteRequest request, String requestedBy) {
        return Mono.defer(() -> {
            List<FieldProblem> problems = new ArrayList<>();
            if (request.workflow() == null) {
                problems.add(new FieldProblem("workflow", "required: the workflow to run"));
            } else {
                problems.addAll(workflowRules.problemsOf(request.workflow(), "workflow."));
            }
            List<String> runTargets = RunInputChecks.targets(request.targets(), problems);
            RunInputChecks.runMode(request.runMode(), problems);
            requireNoProblems(problems);
            WorkflowSnapshot snapshot = request.workflow().snapshot(request.workflow().id());
            return targets.currentScope().flatMap(scope -> launch(snapshot, runTargets, request.runMode(),
                    Boolean.TRUE.equals(request.authorizeTargets()), "workflow.", requestedBy, null, RunTrigger.api(),
                    scope));
        });
    }

    private Mono<RunView> launch(WorkflowSnapshot workflow, List<String> runTargets, RunMode runMode,
            boolean authorizeTargets, String workflowField, String requestedBy, String givenRunId,
            RunTrigger trigger, AuthorizedScope scope) {
        return Mono.defer(() -> {
            scopeGuard.requireAllowed(runMode, authorizeTargets, runTargets, workflow, workflowField, scope);
            // ObjectIds grow with time and a per-process counter, so runs started in the same millisecond still sort newest first.
            String runId = givenRunId == null ? new ObjectId().toHexString() : givenRunId;
            RunView view = RunView.queued(runId, workflow.id(), workflow.name(), runTargets, runMode,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS), workflow.nodes().stream()
                            .map(node -> StepView.queued(node.id(), node.displayName())).toList(), trigger,
                    AdmissionGroup.of(requestedBy, trigger));
            return webhooks.fill(workflow)
                    .map(withWebhooks -> new RunRequested(withWebhooks, runTargets, runMode, scope, requestedBy,
                            trigger))
                    .flatMap(requested -> runs.insertOnce(view).flatMap(stored -> publish(runId, requested,
                                    givenRunId != null)
                            .thenReturn(stored)
                            // a derived run may already be under way from an earlier attempt: its view stays,
                            // and its caller publishes again later
                            .onErrorResume(e -> givenRunId == null, e -> markUndispatched(stored, e))));
        });
    }

    private Mono<EventEnvelope> publish(String runId, RunRequested requested, boolean derivedRunId) {
        EventEnvelope event = EventEnvelope.of(runId, requested);
        if (derivedRunId) {
            // Published again after a crash, it is the same event: the audit (keyed by event id) keeps it once.
            event = new EventEnvelope(UUID.nameUUIDFromBytes(("RunRequested:" + runId).getBytes(
                    StandardCharsets.UTF_8)).toString(), event.type(), runId, event.occurredAt(), event.version(),
                    requested);
        }
        EventEnvelope toSend = event;
        return Mono.fromFuture(() -> publisher.publishAsync(toSend))
                // off the event loop: the producer may block while it looks up the broker
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(PUBLISH_TIMEOUT);
    }

    private Mono<RunView> markUndispatched(RunView run, Throwable failure) {
        log.error("run {} could not be handed to the orchestrator: {}", run.id(), failure.getMessage());
        return runs.remove(run).then(Mono.error(ApiException.unavailable(
                "the run could not be queued because the message broker is unavailable; nothing was started")));
    }

    private static void requireNoProblems(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw ApiException.invalid("the run request has " + problems.size() + " problem(s)", problems);
        }
    }
}
