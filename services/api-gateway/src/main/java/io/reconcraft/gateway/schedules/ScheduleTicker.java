package io.reconcraft.gateway.schedules;

import io.reconcraft.gateway.store.ScheduleStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One pass of the scheduler: reads the due schedules from the database (so a deleted or disabled schedule is
 * never fired by any instance after it was changed), claims each due time atomically and fires what it won.
 * Also finishes fires that an instance claimed and never finished, under the same run id.
 */
@Component
@RequiredArgsConstructor
public class ScheduleTicker {

    private static final Logger log = LoggerFactory.getLogger(ScheduleTicker.class);

    private final ScheduleStore store;
    private final ScheduleFirer firer;
    private final ScheduleProperties properties;
    private final Clock clock;

    /** Runs one pass; the number of due times this instance claimed (fired, skipped or refused). */
    public Mono<Integer> tick() {
        return Mono.defer(() -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Flux<Boolean> resumed = store.abandoned(now.minus(properties.firingLease()))
                    .concatMap(schedule -> resume(schedule, now));
            Flux<Boolean> fired = store.due(now).concatMap(schedule -> claimAndFire(schedule, now));
            return resumed.concatWith(fired).filter(Boolean::booleanValue).count().map(Long::intValue);
        });
    }

    private Mono<Boolean> claimAndFire(Schedule schedule, Instant now) {
        Instant due = schedule.nextFireAt();
        CronSchedule cron = CronSchedule.parse(schedule.cron(), schedule.timezone(), new ArrayList<>()).orElse(null);
        if (cron == null) {
            log.error("schedule {} has an unreadable cron '{}' or zone '{}'; it is not fired", schedule.id(),
                    schedule.cron(), schedule.timezone());
            return Mono.just(false);
        }
        // Every due time up to now is consumed by this one claim: after downtime, at most one of them fires.
        Instant following = cron.next(now);
        boolean late = !now.isBefore(due.plus(properties.lateAfter()));
        if (late && properties.catchUp() == ScheduleProperties.CatchUp.NONE) {
            return store.claim(schedule.id(), due, following, null).filter(Boolean::booleanValue)
                    .flatMap(won -> firer.passedOver(schedule, due).thenReturn(true))
                    .defaultIfEmpty(false)
                    .onErrorResume(e -> failed(schedule, due, e));
        }
        Schedule.Firing firing = new Schedule.Firing(due, ScheduleFirer.runIdOf(schedule.id(), due), now, late);
        return store.claim(schedule.id(), due, following, firing).filter(Boolean::booleanValue)
                .flatMap(won -> firer.fire(schedule, firing).thenReturn(true))
                .defaultIfEmpty(false)
                .onErrorResume(e -> failed(schedule, due, e));
    }

    private Mono<Boolean> resume(Schedule schedule, Instant now) {
        Schedule.Firing abandoned = schedule.firing();
        Schedule.Firing resumed = new Schedule.Firing(abandoned.dueAt(), abandoned.runId(), now, abandoned.catchUp());
        log.warn("schedule {}: the fire of {} was claimed at {} and never finished; finishing it as run {}",
                schedule.id(), abandoned.dueAt(), abandoned.claimedAt(), abandoned.runId());
        return store.reclaim(schedule.id(), abandoned, now).filter(Boolean::booleanValue)
                .flatMap(won -> firer.fire(schedule, resumed).thenReturn(true))
                .defaultIfEmpty(false)
                .onErrorResume(e -> failed(schedule, abandoned.dueAt(), e));
    }

    private static Mono<Boolean> failed(Schedule schedule, Instant due, Throwable e) {
        // The claim stays: another pass finishes it after the firing lease, with the same run id.
        log.error("schedule {}: the fire of {} could not be finished now: {}", schedule.id(), due, e.toString());
        return Mono.just(true);
    }
}
