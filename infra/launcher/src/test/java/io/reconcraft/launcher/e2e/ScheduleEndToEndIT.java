package io.reconcraft.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reconcraft.launcher.demo.SampleWorkflow;
import io.reconcraft.launcher.stack.LocalStack;
import io.reconcraft.launcher.stack.ServiceName;
import io.reconcraft.launcher.stack.StackConfig;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * A real every-minute schedule on the packaged stack, on the wall clock: its next due time starts one run, which
 * the orchestrator and the tool-runner carry to the end, and the audit holds the fire. Waits up to about a minute.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduleEndToEndIT {

    private static final String ADMIN_KEY = "rc_e2e_" + java.util.UUID.randomUUID().toString().replace("-", "");

    private LocalStack stack;
    private String gateway;
    private Api api;
    private Api audit;

    @BeforeAll
    void startTheStack(@TempDir Path home) {
        Path repo = StackConfig.findRepo(Path.of("").toAbsolutePath()).orElseThrow();
        StackConfig config = StackConfig.withFreePorts(home, repo).withReadinessTimeout(Duration.ofMinutes(6));
        stack = new LocalStack(config, ADMIN_KEY, new PrintStream(System.out, true));
        stack.start();
        gateway = "http://127.0.0.1:" + config.ports().gateway() + "/api";
        api = new Api(gateway, ADMIN_KEY);
        audit = new Api("http://127.0.0.1:" + config.ports().of(ServiceName.AUDIT), null);
    }

    @AfterAll
    void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void givenAnEveryMinuteSchedule_whenItsDueTimeComes_thenOneRunIsStartedByTheScheduleAndSucceeds() {
        String workflowId = api.post("/workflows", SampleWorkflow.body()).expect(201).json().get("id").asString();
        JsonNode schedule = api.post("/schedules", Map.of("workflowId", workflowId, "targets", List.of("127.0.0.1"),
                "cron", "* * * * *", "runMode", "demo")).expect(201).json();
        String scheduleId = schedule.get("id").asString();
        Instant due = Instant.parse(schedule.get("nextFireAt").asString());
        assertThat(due).isAfter(Instant.now().minusSeconds(1)).isBefore(Instant.now().plusSeconds(61));

        String runId = await().atMost(Duration.ofSeconds(100)).pollInterval(Duration.ofMillis(500))
                .until(() -> runsOf(workflowId, scheduleId), runs -> !runs.isEmpty()).get(0);
        // one fire is what this test is about: stop the schedule before its next due time
        assertThat(deleteSchedule(scheduleId)).isEqualTo(204);

        JsonNode run = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("/runs/" + runId).expect(200).json(),
                        r -> Set.of("succeeded", "failed").contains(r.get("status").asString()));
        assertThat(run.get("status").asString()).isEqualTo("succeeded");
        assertThat(run.get("trigger").get("type").asString()).isEqualTo("schedule");
        assertThat(Instant.parse(run.get("startedAt").asString())).isAfterOrEqualTo(due);
        assertThat(runsOf(workflowId, scheduleId)).containsExactly(runId);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode fired = audit.get("/audit/events?runId=" + runId + "&type=ScheduleFired").expect(200).json();
            assertThat(fired).hasSize(1);
            assertThat(fired.get(0).get("payload").get("outcome").asString()).isEqualTo("fired");
            assertThat(fired.get(0).get("payload").get("dueAt").asString()).isEqualTo(due.toString());
        });
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

    private int deleteSchedule(String scheduleId) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway + "/schedules/" + scheduleId))
                    .header("X-API-Key", ADMIN_KEY).DELETE().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
