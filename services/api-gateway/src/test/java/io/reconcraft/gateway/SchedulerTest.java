package io.reconcraft.gateway;

import io.reconcraft.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.RunRequested;
import io.reconcraft.events.ScheduleFired;
import io.reconcraft.events.Topics;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.RunSummary;
import io.reconcraft.events.model.RunTrigger;
import io.reconcraft.gateway.run.RunView;
import io.reconcraft.gateway.schedules.Schedule;
import io.reconcraft.gateway.schedules.ScheduleFirer;
import io.reconcraft.gateway.schedules.ScheduleProperties;
import io.reconcraft.gateway.schedules.ScheduleProperties.CatchUp;
import io.reconcraft.gateway.store.ScheduleStore;
import io.reconcraft.gateway.schedules.ScheduleTicker;
import io.reconcraft.messaging.EventPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The scheduler against the real broker and database, driven pass by pass with a clock the test moves:
 * each "instance" is a ticker of its own over the shared database, as two gateways would be.
 */
class SchedulerTest extends GatewayTestSupport {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Autowired
    ScheduleStore store;
    @Autowired
    ScheduleFirer firer;
    @Autowired
    EventPublisher publisher;

    private final MutableClock clock = new MutableClock(Instant.now());

    @BeforeEach
    void onlyThisTestsSchedulesExist() {
        mongo.remove(new Query(), Schedule.class).block();
    }

    @Test
    void givenAnEveryMinuteSchedule_whenItsDueTimesCome_thenEachFiresOnceAsARunTriggeredByTheSchedule() {
        Map<String, Object> schedule = schedule("* * * * *", "allow", "demo", List.of("127.0.0.1"));
        String id = schedule.get("id").toString();
        Instant due = nextFireAt(schedule);
        ScheduleTicker ticker = ticker(CatchUp.ONE);

        clock.set(due.minusSeconds(1));
        assertThat(tick(ticker)).isZero();
        clock.set(due.plusSeconds(1));
        assertThat(tick(ticker)).isEqualTo(1);
        assertThat(tick(ticker)).isZero();

        String runId = ScheduleFirer.runIdOf(id, due);
        get("/api/runs/" + runId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("queued")
                .jsonPath("$.trigger.type").isEqualTo("schedule")
                .jsonPath("$.trigger.scheduleId").isEqualTo(id);
        RunRequested requested = TopicReader.awaitEventFor(KAFKA.getBrokersAsString(), Topics.RUN_REQUESTS, runId)
                .payloadAs(RunRequested.class);
        assertThat(requested.trigger()).isEqualTo(RunTrigger.schedule(id));
        assertThat(requested.requestedBy()).isEqualTo(schedule.get("createdBy"));
        get("/api/schedules/" + id).exchange().expectBody()
                .jsonPath("$.lastRunId").isEqualTo(runId)
                .jsonPath("$.lastFiredAt").isEqualTo(due.toString())
                .jsonPath("$.nextFireAt").isEqualTo(due.plus(MINUTE).toString());

        clock.set(due.plus(MINUTE).plusSeconds(1));
        assertThat(tick(ticker)).isEqualTo(1);
        assertThat(runsOf(id)).extracting(RunView::id)
                .containsExactlyInAnyOrder(runId, ScheduleFirer.runIdOf(id, due.plus(MINUTE)));
    }

    @Test
    void givenADailyScheduleInBerlin_whenTheClocksGoForward_thenEveryDayFiresOnceAndTheNextDueTimeFollowsTheZone() {
        String id = schedule("30 2 * * *", "allow", "demo", List.of("127.0.0.1"), "Europe/Berlin").get("id")
                .toString();
        Instant dayBefore = Instant.parse("2027-03-27T01:30:00Z"); // 02:30 CET
        setNextFireAt(id, dayBefore);
        ScheduleTicker ticker = ticker(CatchUp.ONE);

        clock.set(dayBefore.plusSeconds(1));
        assertThat(tick(ticker)).isEqualTo(1);
        Instant dayOfChange = nextFireAt(id);
        assertThat(dayOfChange).isEqualTo("2027-03-28T01:00:00Z"); // 02:30 does not exist: at the jump, as cron does
        clock.set(dayOfChange.plusSeconds(1));
        assertThat(tick(ticker)).isEqualTo(1);
        assertThat(nextFireAt(id)).isEqualTo("2027-03-29T00:30:00Z"); // 02:30 CEST

        assertThat(runsOf(id)).hasSize(2);
    }

    @Test
    void givenTwoSchedulerInstances_whenBothPassAtTheSameDueTime_thenExactlyOneRunPerDueTime() {
        String id = schedule("* * * * *", "allow", "demo", List.of("127.0.0.1")).get("id").toString();
        Instant due = nextFireAt(id);
        ScheduleTicker first = ticker(CatchUp.ONE);
        ScheduleTicker second = ticker(CatchUp.ONE);

        for (int minute = 0; minute < 5; minute++) {
            clock.set(due.plus(MINUTE.multipliedBy(minute)).plusSeconds(1));
            Integer claimed = Mono.zip(first.tick().subscribeOn(Schedulers.parallel()),
                            second.tick().subscribeOn(Schedulers.parallel()), Integer::sum)
                    .block(Duration.ofSeconds(60));
            assertThat(claimed).isEqualTo(1);
        }

        assertThat(runsOf(id)).hasSize(5);
    }

    @Test
    void givenDowntimeOverSeveralDueTimes_whenASchedulerStartsAgain_thenOneMissedFireIsCaughtUp() {
        String id = schedule("* * * * *", "allow", "demo", List.of("127.0.0.1")).get("id").toString();
        Instant due = nextFireAt(id);

        clock.set(due.plus(Duration.ofMinutes(10)).plusSeconds(5));
        ScheduleTicker restarted = ticker(CatchUp.ONE);
        assertThat(tick(restarted)).isEqualTo(1);
        assertThat(tick(restarted)).isZero();

        assertThat(runsOf(id)).extracting(RunView::id).containsExactly(ScheduleFirer.runIdOf(id, due));
        assertThat(nextFireAt(id)).isEqualTo(due.plus(Duration.ofMinutes(11)));
        ScheduleFired fired = awaitFired(id, ScheduleFired.Outcome.FIRED);
        assertThat(fired.detail()).contains("caught up");
    }

    @Test
    void givenDowntimeAndCatchUpNone_whenASchedulerStartsAgain_thenNothingMissedFiresButTheNextDueTimeDoes() {
        String id = schedule("* * * * *", "allow", "demo", List.of("127.0.0.1")).get("id").toString();
        Instant due = nextFireAt(id);
        ScheduleTicker restarted = ticker(CatchUp.NONE);

        clock.set(due.plus(Duration.ofMinutes(10)).plusSeconds(5));
        tick(restarted);

        assertThat(runsOf(id)).isEmpty();
        assertThat(awaitFired(id, ScheduleFired.Outcome.SKIPPED).detail()).contains("catch-up is none");
        Instant next = nextFireAt(id);
        assertThat(next).isEqualTo(due.plus(Duration.ofMinutes(11)));
        clock.set(next.plusSeconds(1));
        assertThat(tick(restarted)).isEqualTo(1);
        assertThat(runsOf(id)).extracting(RunView::id).containsExactly(ScheduleFirer.runIdOf(id, next));
    }

    @Test
    void givenOverlapSkip_whenADueTimeComesWhileThePreviousRunIsGoing_thenItIsSkippedAndAudited() {
        String id = schedule("* * * * *", null, "demo", List.of("127.0.0.1")).get("id").toString();
        Instant due = nextFireAt(id);
        ScheduleTicker ticker = ticker(CatchUp.ONE);
        clock.set(due.plusSeconds(1));
        tick(ticker);
        String firstRun = ScheduleFirer.runIdOf(id, due);

        clock.set(due.plus(MINUTE).plusSeconds(1));
        tick(ticker);

        assertThat(runsOf(id)).extracting(RunView::id).containsExactly(firstRun);
        ScheduleFired skipped = awaitFired(id, ScheduleFired.Outcome.SKIPPED);
        assertThat(skipped.dueAt()).isEqualTo(due.plus(MINUTE));
        assertThat(skipped.detail()).contains(firstRun);

        publisher.publish(firstRun, new RunCompleted(RunStatus.SUCCEEDED, null, null, RunSummary.of(List.of())));
        awaitRunStatus(firstRun, "succeeded");
        clock.set(due.plus(MINUTE.multipliedBy(2)).plusSeconds(1));
        tick(ticker);
        assertThat(runsOf(id)).hasSize(2);
    }

    @Test
    void givenATargetRemovedFromTheAuthorizedList_whenTheNextDueTimeComes_thenNothingRunsAndTheFireIsAuditedOutOfScope() {
        String target = "127." + ThreadLocalRandom.current().nextInt(1, 255) + "."
                + ThreadLocalRandom.current().nextInt(1, 255) + "." + ThreadLocalRandom.current().nextInt(1, 255);
        @SuppressWarnings("unchecked")
        String targetId = post("/api/targets", Map.of("value", target)).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        String id = schedule("* * * * *", "allow", "live", List.of(target)).get("id").toString();
        Instant due = nextFireAt(id);
        ScheduleTicker ticker = ticker(CatchUp.ONE);
        clock.set(due.plusSeconds(1));
        tick(ticker);
        assertThat(runsOf(id)).hasSize(1);

        delete("/api/targets/" + targetId).exchange().expectStatus().isNoContent();
        clock.set(due.plus(MINUTE).plusSeconds(1));
        tick(ticker);

        assertThat(runsOf(id)).extracting(RunView::id).containsExactly(ScheduleFirer.runIdOf(id, due));
        ScheduleFired refused = awaitFired(id, ScheduleFired.Outcome.OUT_OF_SCOPE);
        assertThat(refused.dueAt()).isEqualTo(due.plus(MINUTE));
        assertThat(refused.runId()).isNull();
        assertThat(refused.detail()).contains(target);
    }

    @Test
    void givenADisabledAndADeletedSchedule_whenTheirDueTimeComes_thenNeitherFires() {
        Map<String, Object> disabled = schedule("* * * * *", "allow", "demo", List.of("127.0.0.1"));
        String deleted = schedule("* * * * *", "allow", "demo", List.of("127.0.0.1")).get("id").toString();
        Instant due = nextFireAt(deleted);
        Map<String, Object> body = SchedulesApiTest.scheduleBody(disabled.get("workflowId").toString(), "* * * * *");
        body.put("enabled", false);
        http.put().uri("/api/schedules/" + disabled.get("id")).header("X-API-Key", ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk();
        delete("/api/schedules/" + deleted).exchange().expectStatus().isNoContent();

        clock.set(due.plusSeconds(1));

        assertThat(tick(ticker(CatchUp.ONE))).isZero();
        assertThat(runsOf(disabled.get("id").toString())).isEmpty();
        assertThat(runsOf(deleted)).isEmpty();
    }

    @Test
    void givenAnInstanceThatDiedDuringAFire_whenTheLeaseRunsOut_thenAnotherFinishesItAsTheSameSingleRun() {
        String id = schedule("* * * * *", "allow", "demo", List.of("127.0.0.1")).get("id").toString();
        Instant due = nextFireAt(id);
        String runId = ScheduleFirer.runIdOf(id, due);
        clock.set(due.plusSeconds(1));
        claimAsADyingInstance(id, due, clock.instant());
        ScheduleTicker survivor = ticker(CatchUp.ONE, Duration.ofSeconds(20));
        assertThat(tick(survivor)).isZero();

        clock.advance(Duration.ofSeconds(21)); // past the lease, before the next due time
        assertThat(tick(survivor)).isEqualTo(1);
        TopicReader.awaitEventFor(KAFKA.getBrokersAsString(), Topics.RUN_REQUESTS, runId);

        // died again after publishing but before recording it: the next attempt stores nothing twice
        claimAsADyingInstance(id, due, clock.instant());
        clock.advance(Duration.ofSeconds(21));
        assertThat(tick(survivor)).isEqualTo(1);
        assertThat(runsOf(id)).extracting(RunView::id).containsExactly(runId);
    }

    private void claimAsADyingInstance(String id, Instant due, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update()
                .set("firing", new Schedule.Firing(due, ScheduleFirer.runIdOf(id, due), at, false))
                .set("nextFireAt", due.plus(MINUTE)), Schedule.class).block();
    }

    private ScheduleTicker ticker(CatchUp catchUp) {
        return ticker(catchUp, MINUTE);
    }

    private ScheduleTicker ticker(CatchUp catchUp, Duration firingLease) {
        return new ScheduleTicker(store, firer, new ScheduleProperties(true, Duration.ofSeconds(1), catchUp,
                MINUTE, firingLease), clock);
    }

    private static int tick(ScheduleTicker ticker) {
        return ticker.tick().block(Duration.ofSeconds(60));
    }

    private Map<String, Object> schedule(String cron, String overlap, String runMode, List<String> targets) {
        return schedule(cron, overlap, runMode, targets, null);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> schedule(String cron, String overlap, String runMode, List<String> targets,
            String timezone) {
        Map<String, Object> body = SchedulesApiTest.scheduleBody(saveWorkflow("Scheduled").get("id").toString(), cron);
        body.put("runMode", runMode);
        body.put("targets", targets);
        body.put("authorizeTargets", "live".equals(runMode));
        if (overlap != null) {
            body.put("overlap", overlap);
        }
        if (timezone != null) {
            body.put("timezone", timezone);
        }
        return post("/api/schedules", body).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static Instant nextFireAt(Map<String, Object> schedule) {
        return Instant.parse(schedule.get("nextFireAt").toString());
    }

    private Instant nextFireAt(String id) {
        return mongo.findById(id, Schedule.class).map(Schedule::nextFireAt).block();
    }

    private void setNextFireAt(String id, Instant next) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("nextFireAt", next),
                Schedule.class).block();
    }

    private List<RunView> runsOf(String scheduleId) {
        return mongo.find(Query.query(Criteria.where("trigger.scheduleId").is(scheduleId)), RunView.class)
                .collectList().block();
    }

    private static ScheduleFired awaitFired(String scheduleId, ScheduleFired.Outcome outcome) {
        EventEnvelope event = TopicReader.awaitEvent(KAFKA.getBrokersAsString(), Topics.API_AUDIT,
                e -> e.payload() instanceof ScheduleFired f && scheduleId.equals(f.scheduleId())
                        && outcome.equals(f.outcome()));
        return event.payloadAs(ScheduleFired.class);
    }
}
