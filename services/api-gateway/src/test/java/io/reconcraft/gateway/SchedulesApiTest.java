package io.reconcraft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.ApiCallAudited;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.RunRequested;
import io.reconcraft.events.Topics;
import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.RunSummary;
import io.reconcraft.events.model.RunTrigger;
import io.reconcraft.messaging.EventPublisher;
import org.springframework.beans.factory.annotation.Autowired;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The /api/schedules contract: shapes, validation as problem+json naming the field, "run it now", audit. */
class SchedulesApiTest extends GatewayTestSupport {

    @Autowired
    EventPublisher publisher;

    static Map<String, Object> scheduleBody(String workflowId, String cron) {
        Map<String, Object> body = new HashMap<>();
        body.put("workflowId", workflowId);
        body.put("targets", List.of("127.0.0.1"));
        body.put("cron", cron);
        body.put("runMode", "demo");
        return body;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> createSchedule(Map<String, Object> body) {
        return post("/api/schedules", body).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void givenAValidSchedule_whenCreated_thenItIsShownWithDefaultsAndItsNextDueTime() {
        String workflowId = saveWorkflow("Nightly").get("id").toString();

        Map<String, Object> created = createSchedule(scheduleBody(workflowId, "30 2 * * *"));

        assertThat(created.get("id")).isNotNull();
        assertThat(created).containsEntry("workflowId", workflowId).containsEntry("cron", "30 2 * * *")
                .containsEntry("timezone", "UTC").containsEntry("runMode", "demo").containsEntry("enabled", true)
                .containsEntry("overlap", "skip").containsEntry("targets", List.of("127.0.0.1"));
        assertThat(created.get("createdBy")).isNotNull();
        assertThat(created).doesNotContainKey("firing");
        Instant next = Instant.parse(created.get("nextFireAt").toString());
        assertThat(next).isAfter(Instant.now()).isBefore(Instant.now().plusSeconds(24 * 3600 + 60));
        assertThat(next.toString()).endsWith("T02:30:00Z");
        get("/api/schedules/" + created.get("id")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.cron").isEqualTo("30 2 * * *");
        get("/api/schedules").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + created.get("id") + "')]").exists();
    }

    @Test
    void givenABadCron_whenCreated_thenA400ProblemNamingCron() {
        String workflowId = saveWorkflow("Bad cron").get("id").toString();

        post("/api/schedules", scheduleBody(workflowId, "0 0 * * * *")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("cron");
    }

    @Test
    void givenAnUnknownZone_whenCreated_thenA400ProblemNamingTimezone() {
        Map<String, Object> body = scheduleBody(saveWorkflow("Bad zone").get("id").toString(), "@daily");
        body.put("timezone", "Europe/Atlantis");

        post("/api/schedules", body).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("timezone");
    }

    @Test
    void givenAMissingCronOrAnUnknownOverlap_whenCreated_thenA400ProblemNamingTheField() {
        Map<String, Object> noCron = scheduleBody(saveWorkflow("No cron").get("id").toString(), "@daily");
        noCron.remove("cron");
        post("/api/schedules", noCron).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("cron");

        Map<String, Object> badOverlap = scheduleBody(saveWorkflow("Bad overlap").get("id").toString(), "@daily");
        badOverlap.put("overlap", "sometimes");
        post("/api/schedules", badOverlap).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("overlap");
    }

    @Test
    void givenAnUnknownWorkflowOrABadTarget_whenCreated_thenA400NamingTheField() {
        post("/api/schedules", scheduleBody("no-such-workflow", "@daily")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("workflowId");

        Map<String, Object> body = scheduleBody(saveWorkflow("Bad target").get("id").toString(), "@daily");
        body.put("targets", List.of("127.0.0.1; rm -rf /"));
        post("/api/schedules", body).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("targets[0]");
    }

    @Test
    void givenALiveScheduleOutsideTheAuthorizedTargets_whenCreated_thenA403NamingTheTarget() {
        Map<String, Object> body = scheduleBody(saveWorkflow("Live").get("id").toString(), "@daily");
        body.put("runMode", "live");
        body.put("authorizeTargets", true);
        body.put("targets", List.of("127.77.77.77"));

        post("/api/schedules", body).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("targets[0]");
    }

    @Test
    void givenASchedule_whenReplacedWithADisabledOne_thenItHasNoNextDueTime() {
        Map<String, Object> created = createSchedule(scheduleBody(saveWorkflow("Edit").get("id").toString(), "@hourly"));
        Map<String, Object> body = scheduleBody(created.get("workflowId").toString(), "*/15 * * * *");
        body.put("enabled", false);
        body.put("timezone", "Europe/Berlin");

        http.put().uri("/api/schedules/" + created.get("id")).header("X-API-Key", ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.cron").isEqualTo("*/15 * * * *")
                .jsonPath("$.timezone").isEqualTo("Europe/Berlin")
                .jsonPath("$.enabled").isEqualTo(false)
                .jsonPath("$.nextFireAt").doesNotExist()
                .jsonPath("$.createdAt").isEqualTo(created.get("createdAt"));
    }

    @Test
    void givenASchedule_whenDeleted_thenItIsGoneAndTheDeletionIsAudited() {
        String id = createSchedule(scheduleBody(saveWorkflow("Doomed").get("id").toString(), "@daily"))
                .get("id").toString();

        delete("/api/schedules/" + id).exchange().expectStatus().isNoContent();

        get("/api/schedules/" + id).exchange().expectStatus().isNotFound();
        delete("/api/schedules/" + id).exchange().expectStatus().isNotFound();
        EventEnvelope event = TopicReader.awaitEvent(KAFKA.getBrokersAsString(), Topics.API_AUDIT,
                e -> e.payload() instanceof ApiCallAudited a && id.equals(a.resource()) && a.httpStatus() == 204);
        assertThat(event.payloadAs(ApiCallAudited.class).action()).isEqualTo("DELETE /api/schedules/{id}");
    }

    @Test
    void givenASchedule_whenTriggered_thenA201QueuedRunMarkedAsAnApiTriggerOfThatSchedule() {
        String id = createSchedule(scheduleBody(saveWorkflow("Now").get("id").toString(), "@monthly"))
                .get("id").toString();

        @SuppressWarnings("unchecked")
        Map<String, Object> run = post("/api/schedules/" + id + "/trigger", Map.of()).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(run).containsEntry("status", "queued")
                .containsEntry("trigger", Map.of("type", "api", "scheduleId", id));
        String runId = run.get("id").toString();
        RunRequested requested = TopicReader.awaitEventFor(KAFKA.getBrokersAsString(), Topics.RUN_REQUESTS, runId)
                .payloadAs(RunRequested.class);
        assertThat(requested.trigger()).isEqualTo(new RunTrigger(RunTrigger.Type.API, id));
        get("/api/schedules/" + id).exchange().expectBody().jsonPath("$.lastRunId").isEqualTo(runId);

        publisher.publish(runId, new RunCompleted(RunStatus.SUCCEEDED, null, null, RunSummary.of(List.of())));
        awaitRunStatus(runId, "succeeded");
        get("/api/runs/" + runId).exchange().expectBody().jsonPath("$.trigger.scheduleId").isEqualTo(id);
    }

    @Test
    void givenARunStartedByAnApiCall_whenRead_thenItsTriggerIsApi() {
        String runId = startDemoRun();

        get("/api/runs/" + runId).exchange().expectBody().jsonPath("$.trigger.type").isEqualTo("api")
                .jsonPath("$.trigger.scheduleId").doesNotExist();
    }

    @Test
    void givenAnUnknownSchedule_whenReadOrTriggered_thenA404Problem() {
        get("/api/schedules/nope").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        post("/api/schedules/nope/trigger", Map.of()).exchange().expectStatus().isNotFound();
    }
}
