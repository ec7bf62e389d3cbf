package io.reconcraft.gateway.schedules;

import io.reconcraft.events.model.RunTrigger;
import io.reconcraft.gateway.error.ApiException;
import io.reconcraft.gateway.error.FieldProblem;
import io.reconcraft.gateway.run.RunLauncher;
import io.reconcraft.gateway.run.RunRequest;
import io.reconcraft.gateway.run.RunView;
import io.reconcraft.gateway.store.ScheduleStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Schedules as the API sees them. A schedule is checked like a run when it is saved (the workflow exists, the
 * targets parse, a live one has the operator's consent and only authorized targets), and again at every fire.
 */
@Service
@RequiredArgsConstructor
public class ScheduleService {

    private final ScheduleStore store;
    private final RunLauncher launcher;
    private final Clock clock;

    static RunRequest runRequest(Schedule schedule) {
        return new RunRequest(schedule.workflowId(), schedule.targets(), schedule.runMode(),
                schedule.authorizeTargets());
    }

    public Flux<Schedule> list() {
        return store.list();
    }

    public Mono<Schedule> get(String id) {
        return store.find(id).switchIfEmpty(Mono.error(() -> ApiException.notFound("schedule", id)));
    }

    public Mono<Schedule> create(ScheduleInput input, String createdBy) {
        return Mono.defer(() -> {
            Instant now = now();
            Schedule draft = fromInput(UUID.randomUUID().toString(), input, now, createdBy, now);
            return checked(draft).then(store.insert(draft));
        });
    }

    public Mono<Schedule> update(String id, ScheduleInput input) {
        return get(id).flatMap(existing -> {
            Instant now = now();
            Schedule edited = fromInput(id, input, existing.createdAt(), existing.createdBy(), now);
            return checked(edited).then(store.update(edited))
                    .switchIfEmpty(Mono.error(() -> ApiException.notFound("schedule", id)));
        });
    }

    public Mono<Void> delete(String id) {
        return store.delete(id).flatMap(deleted -> deleted ? Mono.<Void>empty()
                : Mono.error(ApiException.notFound("schedule", id)));
    }

    /** "Run it now": a run of the schedule's workflow and targets, outside its due times, checked like any run. */
    public Mono<RunView> trigger(String id, String requestedBy) {
        return get(id).flatMap(schedule -> launcher.runSaved(runRequest(schedule), null,
                        new RunTrigger(RunTrigger.Type.API, schedule.id()), requestedBy)
                .flatMap(run -> store.startedByHand(id, run.id()).thenReturn(run)));
    }

    private Schedule fromInput(String id, ScheduleInput input, Instant createdAt, String createdBy, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        String timezone = CronSchedule.timezoneOrDefault(input.timezone());
        CronSchedule cron = CronSchedule.parse(input.cron(), timezone, problems).orElse(null);
        if (!problems.isEmpty()) {
            throw ApiException.invalid("the schedule has " + problems.size() + " problem(s)", problems);
        }
        boolean enabled = input.enabled() == null || input.enabled();
        return new Schedule(id, input.workflowId(), input.targets(), input.cron().strip(), timezone, input.runMode(),
                Boolean.TRUE.equals(input.authorizeTargets()), enabled, input.overlap(), createdAt, createdBy, now,
                null, null, enabled ? cron.next(now) : null, null);
    }

    /** The checks of a run; a workflow that does not exist is a bad field here, not a missing page. */
    private Mono<Void> checked(Schedule schedule) {
        return launcher.checkSaved(runRequest(schedule)).onErrorMap(
                e -> e instanceof ApiException api && api.getStatusCode().value() == HttpStatus.NOT_FOUND.value(),
                e -> ApiException.invalid("workflowId", "workflow '" + schedule.workflowId() + "' does not exist"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
