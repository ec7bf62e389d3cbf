package io.reconcraft.gateway.store;

import io.reconcraft.gateway.schedules.Schedule;
import java.time.Duration;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one owner of the {@code schedules} collection. Every scheduler decision is a single-document conditional
 * update (no transactions: the local MongoDB-wire server has none), so with any number of gateway instances each
 * due time is claimed by exactly one of them.
 */
@Component
@RequiredArgsConstructor
public class ScheduleStore implements InitializingBean {

    private static final String NEXT_FIRE_AT = "nextFireAt";
    private static final String FIRING = "firing";

    private final ReactiveMongoTemplate mongo;

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(Schedule.class).createIndex(new Index(NEXT_FIRE_AT, Sort.Direction.ASC))
                .block(Duration.ofSeconds(30));
    }

    public Mono<Schedule> insert(Schedule schedule) {
        return mongo.insert(schedule);
    }

    public Mono<Schedule> find(String id) {
        return mongo.findById(id, Schedule.class);
    }

    public Flux<Schedule> list() {
        return mongo.find(new Query().with(Sort.by("createdAt", "_id")), Schedule.class);
    }

    /** Replaces what the client controls; the scheduler's own fields (last run, a claimed fire) stay. */
    public Mono<Schedule> update(Schedule edited) {
        Update update = new Update()
                .set("workflowId", edited.workflowId())
                .set("targets", edited.targets())
                .set("cron", edited.cron())
                .set("timezone", edited.timezone())
                .set("runMode", edited.runMode())
                .set("authorizeTargets", edited.authorizeTargets())
                .set("enabled", edited.enabled())
                .set("overlap", edited.overlap())
                .set("updatedAt", edited.updatedAt())
                .set(NEXT_FIRE_AT, edited.nextFireAt());
        return mongo.findAndModify(byId(edited.id()), update,
                org.springframework.data.mongodb.core.FindAndModifyOptions.options().returnNew(true), Schedule.class);
    }

    public Mono<Boolean> delete(String id) {
        return mongo.remove(byId(id), Schedule.class).map(result -> result.getDeletedCount() > 0);
    }

    /** Enabled schedules whose next due time has come and that have no fire in progress. */
    public Flux<Schedule> due(Instant now) {
        return mongo.find(Query.query(Criteria.where("enabled").is(true).and(NEXT_FIRE_AT).lte(now)
                .and(FIRING).is(null)), Schedule.class);
    }

    /**
     * Takes the due time {@code due} of a schedule: only if it is still enabled, its next due time is still
     * {@code due} and no fire is in progress. Moves it on to {@code following} and records {@code firing} (null when
     * the due time is passed over without a run). True for exactly one caller per due time.
     */
    public Mono<Boolean> claim(String id, Instant due, Instant following, Schedule.Firing firing) {
        Query query = Query.query(Criteria.where("_id").is(id).and("enabled").is(true).and(NEXT_FIRE_AT).is(due)
                .and(FIRING).is(null));
        Update update = new Update().set(NEXT_FIRE_AT, following);
        if (firing != null) {
            update.set(FIRING, firing);
        }
        return mongo.updateFirst(query, update, Schedule.class).map(result -> result.getModifiedCount() == 1);
    }

    /** Fires whose instance claimed them before {@code cutoff} and never finished them (it died or lost the broker). */
    public Flux<Schedule> abandoned(Instant cutoff) {
        return mongo.find(Query.query(Criteria.where(FIRING + ".claimedAt").lt(cutoff)), Schedule.class);
    }

    /** Takes over an abandoned fire; true for exactly one caller. */
    public Mono<Boolean> reclaim(String id, Schedule.Firing abandoned, Instant now) {
        Query query = Query.query(Criteria.where("_id").is(id).and(FIRING + ".runId").is(abandoned.runId())
                .and(FIRING + ".claimedAt").is(abandoned.claimedAt()));
        return mongo.updateFirst(query, new Update().set(FIRING + ".claimedAt", now), Schedule.class)
                .map(result -> result.getModifiedCount() == 1);
    }

    /** Ends a fire: the schedule is free for its next due time; {@code startedRunId} is null when no run started. */
    public Mono<Void> finish(String id, Schedule.Firing firing, String startedRunId) {
        Update update = new Update().unset(FIRING).set("lastFiredAt", firing.dueAt());
        if (startedRunId != null) {
            update.set("lastRunId", startedRunId);
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and(FIRING + ".runId").is(firing.runId())),
                update, Schedule.class).then();
    }

    /** A run started by hand ("run it now") counts as the schedule's latest run for {@code overlap: skip}. */
    public Mono<Void> startedByHand(String id, String runId) {
        return mongo.updateFirst(byId(id), new Update().set("lastRunId", runId), Schedule.class).then();
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
