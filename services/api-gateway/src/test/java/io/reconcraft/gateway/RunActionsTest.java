package io.reconcraft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.NotificationRequested;
import io.reconcraft.events.RunCancelRequested;
import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.RunRetryRequested;
import io.reconcraft.events.Topics;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.RunSummary;
import io.reconcraft.events.model.Severity;
import io.reconcraft.messaging.EventPublisher;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

class RunActionsTest extends GatewayTestSupport {

    private static final String SLACK_HOOK = "https://hooks.slack.com/services/T000/B000/secret-part";

    @Autowired
    EventPublisher publisher;

    @Test
    void givenAQueuedRun_whenCancelled_thenA202AndARunCancelRequestedWithTheReason() {
        String runId = startDemoRun();

        post("/api/runs/" + runId + "/cancel", Map.of("reason", "wrong targets")).exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.runId").isEqualTo(runId).jsonPath("$.action").isEqualTo("cancel");

        EventEnvelope event = TopicReader.awaitEvent(KAFKA.getBrokersAsString(), Topics.RUN_REQUESTS,
                e -> runId.equals(e.runId()) && e.payload() instanceof RunCancelRequested);
        RunCancelRequested cancel = event.payloadAs(RunCancelRequested.class);
        assertThat(cancel.reason()).isEqualTo("wrong targets");
        assertThat(cancel.requestedBy()).isNotBlank();
    }

    @Test
    void givenNoBody_whenARunIsCancelled_thenA202WithADefaultReason() {
        String runId = startDemoRun();
        http.post().uri("/api/runs/" + runId + "/cancel").header("X-API-Key", ADMIN_KEY).exchange()
                .expectStatus().isAccepted();
    }

    @Test
    void givenAFinishedRun_whenCancelled_thenA409Problem() {
        String runId = finishedRun(RunStatus.SUCCEEDED, List.of());
        post("/api/runs/" + runId + "/cancel", Map.of()).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("already finished"));
    }

    @Test
    void givenAnUnknownRun_whenAnyActionIsAsked_thenA404() {
        for (String action : List.of("cancel", "retry", "actions/send-slack", "actions/send-discord")) {
            http.post().uri("/api/runs/no-such-run/" + action).header("X-API-Key", ADMIN_KEY).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void givenAFailedRun_whenRetried_thenA202AndARunRetryRequested() {
        String runId = finishedRun(RunStatus.FAILED, List.of());

        http.post().uri("/api/runs/" + runId + "/retry").header("X-API-Key", ADMIN_KEY).exchange()
                .expectStatus().isAccepted();

        EventEnvelope event = TopicReader.awaitEvent(KAFKA.getBrokersAsString(), Topics.RUN_REQUESTS,
                e -> runId.equals(e.runId()) && e.payload() instanceof RunRetryRequested);
        assertThat(event.payloadAs(RunRetryRequested.class).requestedBy()).isNotBlank();
    }

    @Test
    void givenARunThatDidNotFail_whenRetried_thenA409() {
        String runId = startDemoRun();
        http.post().uri("/api/runs/" + runId + "/retry").header("X-API-Key", ADMIN_KEY).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("queued"));
    }

    @Test
    void givenAConfiguredSlackIntegration_whenSendSlackIsAsked_thenANotificationRequestedSummarizesTheRun() {
        post("/api/integrations/slack", Map.of("webhookUrl", SLACK_HOOK, "enabled", true)).exchange()
                .expectStatus().isOk();
        Finding critical = new Finding("f-1", Severity.CRITICAL, "Exposed secret", "a key in git", null, null,
                "127.0.0.1", "gitleaks", "gl:1", Map.of());
        String runId = finishedRun(RunStatus.SUCCEEDED, List.of(critical));

        String notificationId = http.post().uri("/api/runs/" + runId + "/actions/send-slack")
                .header("X-API-Key", ADMIN_KEY).exchange()
                .expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody().get("notificationId").toString();

        EventEnvelope event = TopicReader.awaitEvent(KAFKA.getBrokersAsString(), Topics.NOTIFICATION_REQUESTS,
                e -> e.payload() instanceof NotificationRequested n && notificationId.equals(n.notificationId()));
        NotificationRequested request = event.payloadAs(NotificationRequested.class);
        assertThat(event.runId()).isEqualTo(runId);
        assertThat(request.channel()).isEqualTo("slack");
        assertThat(request.webhookUrl()).isEqualTo(SLACK_HOOK);
        assertThat(request.message()).contains("succeeded").contains("127.0.0.1").contains("critical 1")
                .contains("Findings: 1");
    }

    @Test
    void givenNoDiscordIntegration_whenSendDiscordIsAsked_thenA409SayingItIsNotConfigured() {
        forgetIntegration("discord");
        String runId = startDemoRun();
        http.post().uri("/api/runs/" + runId + "/actions/send-discord").header("X-API-Key", ADMIN_KEY).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("discord integration is not configured");
    }

    private String finishedRun(RunStatus status, List<Finding> findings) {
        String runId = startDemoRun();
        publisher.publish(runId, new RunCompleted(status, null, null, RunSummary.of(findings)));
        awaitRunStatus(runId, status.wireName());
        return runId;
    }
}
