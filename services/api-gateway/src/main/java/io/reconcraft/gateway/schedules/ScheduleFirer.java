package io.reconcraft.gateway.schedules;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.EventTypes;
import io.reconcraft.events.ScheduleFired;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.RunTrigger;
import io.reconcraft.gateway.error.ApiException;
import io.reconcraft.gateway.run.RunLauncher;
import io.reconcraft.gateway.store.RunStore;
import io.reconcraft.gateway.store.ScheduleStore;
import io.reconcraft.messaging.EventPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Carries out one claimed due time: skips it while the previous run is still going ({@code overlap: skip}),
 * otherwise starts the run through the same path as {@code POST /api/runs}, so the workflow is read as it is now
 * and every target is checked against the authorized list as it is now. Every outcome is audited (ScheduleFired).
 */
@Component
@RequiredArgsConstructor
public class ScheduleFirer {

    private static final Logger log = LoggerFactory.getLogger(ScheduleFirer.class);
    private static final Set<RunStatus> GOING = Set.of(RunStatus.QUEUED, RunStatus.RUNNING);
    private static final Duration AUDIT_TIMEOUT = Duration.ofSeconds(30);
    private static final String NONE = "";

    private final ScheduleStore store;
    private final RunLauncher launcher;
    private final RunStore runs;
    private final EventPublisher publisher;
    private final Clock clock;

    /** The run id of a schedule's due time: the same on every instance and every attempt. */
    public static String runIdOf(String scheduleId, Instant dueAt) {
        return UUID.nameUUIDFromBytes(("schedule:" + scheduleId + "@" + dueAt).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Runs the claimed {@code firing}; completes empty. A failure that may pass (broker down) leaves it claimed. */
    Mono<Void> fire(Schedule schedule, Schedule.Firing firing) {
        return previousRunGoing(schedule, firing).flatMap(previous -> {
            if (!previous.isEmpty()) {
                return finish(schedule, firing, null, ScheduleFired.Outcome.SKIPPED,
                        "the previous run " + previous + " is still going (overlap: skip)");
            }
            return launcher.runSaved(ScheduleService.runRequest(schedule), firing.runId(),
                            RunTrigger.schedule(schedule.id()), schedule.createdBy())
                    .flatMap(run -> finish(schedule, firing, run.id(), ScheduleFired.Outcome.FIRED,
                            firing.catchUp() ? "a due time missed while no scheduler ran, caught up" : null))
                    .onErrorResume(e -> e instanceof ApiException refused && !refused.mayPass(),
                            e -> refused(schedule, firing, (ApiException) e));
        });
    }

    /** A due time passed over without a run ({@code catch-up: none} after downtime): only audited. */
    Mono<Void> passedOver(Schedule schedule, Instant dueAt) {
        return audit(schedule, dueAt, null, ScheduleFired.Outcome.SKIPPED,
                "missed while no scheduler ran; catch-up is none");
    }

    private Mono<Void> refused(Schedule schedule, Schedule.Firing firing, ApiException refused) {
        String detail = refused.getBody().getDetail();
        if (refused.getStatusCode().value() == HttpStatus.FORBIDDEN.value()) {
            log.warn("schedule {}: the fire of {} was refused, nothing was scanned: {}", schedule.id(),
                    firing.dueAt(), detail);
            return finish(schedule, firing, null, ScheduleFired.Outcome.OUT_OF_SCOPE, detail);
        }
        log.warn("schedule {}: the fire of {} failed: {}", schedule.id(), firing.dueAt(), detail);
        return finish(schedule, firing, null, ScheduleFired.Outcome.FAILED, detail);
    }

    /** The id of the schedule's previous run when overlap is skip and that run is queued or running; "" otherwise. */
    private Mono<String> previousRunGoing(Schedule schedule, Schedule.Firing firing) {
        String previous = schedule.lastRunId();
        if (schedule.overlap() != Overlap.SKIP || previous == null || previous.equals(firing.runId())) {
            return Mono.just(NONE);
        }
        return runs.find(previous)
                .map(run -> GOING.contains(run.status()) ? run.id() : NONE)
                .defaultIfEmpty(NONE);
    }

    private Mono<Void> finish(Schedule schedule, Schedule.Firing firing, String runId, ScheduleFired.Outcome outcome,
            String detail) {
        return audit(schedule, firing.dueAt(), runId, outcome, detail)
                .then(store.finish(schedule.id(), firing, runId));
    }

    private Mono<Void> audit(Schedule schedule, Instant dueAt, String runId, ScheduleFired.Outcome outcome, String detail) {
        ScheduleFired fired = new ScheduleFired(schedule.id(), dueAt, runId, outcome, detail, schedule.createdBy());
        // Derived id: a fire finished again after a crash is the same audit record, which the audit keeps once.
        String eventId = UUID.nameUUIDFromBytes(("ScheduleFired:" + schedule.id() + "@" + dueAt + ":" + outcome)
                .getBytes(StandardCharsets.UTF_8)).toString();
        EventEnvelope event = new EventEnvelope(eventId, EventTypes.nameOf(fired), runId, clock.instant(),
                EventEnvelope.CURRENT_VERSION, fired);
        return Mono.fromFuture(() -> publisher.publishAsync(event))
                // off the event loop: the producer may block while it looks up the broker
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(AUDIT_TIMEOUT)
                .then();
    }
}
