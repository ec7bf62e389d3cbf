package io.reconcraft.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reconcraft.launcher.demo.SampleWorkflow;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Schedules on the packaged stack, on the wall clock: a real every-minute schedule's next due time starts one run,
 * which the orchestrator and the tool-runner carry to the end, the schedule records it and the audit holds the fire;
 * "run it now" starts a run of the schedule outside its due times. The first test waits up to about a minute for
 * the due time; every wait is an Awaitility bound, never a sleep.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduleEndToEndIT {

    private static final Set<String> FINAL = Set.of("succeeded", "failed");

    private E2eStack e2e;
    private Api api;
    private Api audit;

    @BeforeAll
    void startTheStack(@TempDir Path home) {
        // the stack as `./reconcraft up` starts it by default; on a loaded shared machine that takes minutes
        e2e = E2eStack.start(home, Duration.ofMinutes(15), E2eStack.SINGLE_JVM);
        api = e2e.api;
        audit = e2e.audit();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(api.get("/health").expect(200).json().get("status").asString()).isEqualTo("healthy"));
    }

    @AfterAll
    void stopTheStack() {
        if (e2e != null) {
            e2e.close();
        }
    }

    @Test
    void givenAnEveryMinuteSchedule_whenItsDueTimeComes_thenOneRunIsStartedByTheScheduleAndSucceeds() {
        String workflowId = api.post("/workflows", SampleWorkflow.body()).expect(201).json().get("id").asString();
        Map<String, Object> body = scheduleBody(workflowId, "* * * * *");
        JsonNode schedule = api.post("/schedules", body).expect(201).json();
        String scheduleId = schedule.get("id").asString();
        Instant due = Instant.parse(schedule.get("nextFireAt").asString());
        assertThat(due).isEqualTo(due.truncatedTo(ChronoUnit.MINUTES))
                .isAfter(Instant.now().minusSeconds(5)).isBefore(Instant.now().plusSeconds(61));
        assertThat(schedule.get("lastRunId")).isNull();
        assertThat(schedule.get("lastFiredAt")).isNull();

        String runId = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> runsOf(workflowId, scheduleId), runs -> !runs.isEmpty()).get(0);

        // the schedule records its fire and moves on to the following minute
        JsonNode fired = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("/schedules/" + scheduleId).expect(200).json(),
                        s -> s.get("lastRunId") != null);
        assertThat(fired.get("lastRunId").asString()).isEqualTo(runId);
        assertThat(Instant.parse(fired.get("lastFiredAt").asString())).isEqualTo(due);
        // due + 1 min, unless the machine was so slow that the fire came after that too
        Instant following = Instant.parse(fired.get("nextFireAt").asString());
        assertThat(following).isAfterOrEqualTo(due.plus(Duration.ofMinutes(1)))
                .isEqualTo(following.truncatedTo(ChronoUnit.MINUTES));
        // one fire is what this test is about: disable the schedule before its next due time
        body.put("enabled", false);
        JsonNode disabled = api.put("/schedules/" + scheduleId, body).expect(200).json();
        assertThat(disabled.get("enabled").asBoolean()).isFalse();
        assertThat(disabled.get("nextFireAt")).isNull();
        assertThat(disabled.get("lastRunId").asString()).isEqualTo(runId);

        JsonNode run = awaitFinished(runId);
        assertThat(run.get("status").asString()).isEqualTo("succeeded");
        assertThat(run.get("trigger").get("type").asString()).isEqualTo("schedule");
        assertThat(run.get("trigger").get("scheduleId").asString()).isEqualTo(scheduleId);
        assertThat(run.get("workflowId").asString()).isEqualTo(workflowId);
        assertThat(run.get("steps")).hasSize(4)
                .allSatisfy(step -> assertThat(step.get("status").asString()).isEqualTo("succeeded"));
        assertThat(Instant.parse(run.get("startedAt").asString())).isAfterOrEqualTo(due);
        assertThat(runsOf(workflowId, scheduleId)).containsExactly(runId);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode records = audit.get("/audit/events?runId=" + runId + "&type=ScheduleFired").expect(200).json();
            assertThat(records).hasSize(1);
            JsonNode payload = records.get(0).get("payload");
            assertThat(payload.get("scheduleId").asString()).isEqualTo(scheduleId);
            assertThat(payload.get("outcome").asString()).isEqualTo("fired");
            assertThat(Instant.parse(payload.get("dueAt").asString())).isEqualTo(due);
        });
    }

    @Test
    void givenAYearlySchedule_whenRunNow_thenA201RunOfTheScheduleThatSucceedsAndBecomesItsLastRun() {
        String workflowId = api.post("/workflows", SampleWorkflow.body()).expect(201).json().get("id").asString();
        JsonNode schedule = api.post("/schedules", scheduleBody(workflowId, "0 3 1 1 *")).expect(201).json();
        String scheduleId = schedule.get("id").asString();
        Instant nextFireAt = Instant.parse(schedule.get("nextFireAt").asString());

        JsonNode accepted = api.post("/schedules/" + scheduleId + "/trigger", Map.of()).expect(201).json();
        String runId = accepted.get("id").asString();
        assertThat(accepted.get("status").asString()).isEqualTo("queued");
        assertThat(accepted.get("trigger").get("type").asString()).isEqualTo("api");
        assertThat(accepted.get("trigger").get("scheduleId").asString()).isEqualTo(scheduleId);

        JsonNode run = awaitFinished(runId);
        assertThat(run.get("status").asString()).isEqualTo("succeeded");
        assertThat(run.get("trigger").get("scheduleId").asString()).isEqualTo(scheduleId);
        JsonNode after = api.get("/schedules/" + scheduleId).expect(200).json();
        assertThat(after.get("lastRunId").asString()).isEqualTo(runId);
        // running it by hand is not one of its due times
        assertThat(after.get("lastFiredAt")).isNull();
        assertThat(Instant.parse(after.get("nextFireAt").asString())).isEqualTo(nextFireAt);
        assertThat(api.delete("/schedules/" + scheduleId).status()).isEqualTo(204);
        api.get("/schedules/" + scheduleId).expect(404);
    }

    private static Map<String, Object> scheduleBody(String workflowId, String cron) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("workflowId", workflowId);
        body.put("targets", List.of("127.0.0.1"));
        body.put("cron", cron);
        body.put("runMode", "demo");
        body.put("authorizeTargets", false);
        return body;
    }

    private JsonNode awaitFinished(String runId) {
        return await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("/runs/" + runId).expect(200).json(),
                        run -> FINAL.contains(run.get("status").asString()));
    }

    private List<String> runsOf(String workflowId, String scheduleId) {
        List<String> ids = new ArrayList<>();
        api.get("/runs?workflowId=" + workflowId).expect(200).json().forEach(run -> {
            JsonNode trigger = run.get("trigger");
            if (trigger != null && trigger.get("scheduleId") != null
                    && scheduleId.equals(trigger.get("scheduleId").asString())) {
                ids.add(run.get("id").asString());
            }
        });
        return ids;
    }
}
