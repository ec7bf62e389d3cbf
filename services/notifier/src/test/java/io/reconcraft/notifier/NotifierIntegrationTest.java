package io.reconcraft.notifier;

import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.testing.SharedEventTap;
import io.reconcraft.testing.RealInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reconcraft.events.EventCodec;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.FindingsUpdated;
import io.reconcraft.events.NotificationFailed;
import io.reconcraft.events.NotificationRequested;
import io.reconcraft.events.NotificationSent;
import io.reconcraft.events.StepCancelRequested;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepLog;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.Topics;
import io.reconcraft.events.UpstreamOutput;
import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.Severity;
import io.reconcraft.notifier.delivery.Delivery;
import io.reconcraft.notifier.delivery.DeliveryIntake;
import io.reconcraft.notifier.store.DeliveryStore;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.messaging.EventPublisher;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The notifier on a real in-process Kafka broker, a real MongoDB-wire server and a real HTTP server as the webhook. */
@SpringBootTest(properties = {"reconcraft.webhooks.allow-loopback=true", "reconcraft.notifier.worker-id=notifier-under-test",
        "reconcraft.notifier.read-timeout=500ms", "reconcraft.notifier.call-timeout=3s",
        "reconcraft.notifier.delivery.base-delay=50ms", "reconcraft.notifier.delivery.max-delay=200ms",
        "reconcraft.notifier.delivery.max-attempts=3", "reconcraft.notifier.delivery.poll-interval=100ms",
        "reconcraft.notifier.delivery.retry-after-cap=5s", "reconcraft.notifier.only-new.wait-limit=5s",
        "reconcraft.notifier.only-new.recheck=200ms"})
class NotifierIntegrationTest {

    @RegisterExtension
    static final SharedEventTap events = SharedEventTap.on(Topics.RUN_EVENTS, Topics.NOTIFICATION_EVENTS);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry);
    }

    @Autowired
    private EventPublisher publisher;

    @Autowired
    private DeliveryStore deliveries;

    private final MockWebServer webhook = new MockWebServer();
    private final ArrivalTimes arrivals = new ArrivalTimes();
    private final String runId = "run-" + UUID.randomUUID();

    @BeforeEach
    void startWebhook() throws Exception {
        webhook.setDispatcher(arrivals);
        webhook.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stopWebhook() {
        webhook.close();
    }

    private String webhookUrl() {
        return webhook.url("/services/T000/B000/secret-token").toString();
    }

    private StepRequested step(String nodeId, String kind, RunMode mode, String message) {
        UpstreamOutput nmap = new UpstreamOutput("nmap-1", "nmap", Map.of("hosts", List.of(Map.of("address", "10.0.0.5",
                "ports", List.of(Map.of("port", 22, "protocol", "tcp", "state", "open", "service", "ssh"))))), List.of());
        return new StepRequested(runId + ":" + nodeId, nodeId, kind, nodeId,
                Map.of("webhookUrl", webhookUrl(), "message", message), List.of("10.0.0.5"), mode,
                AuthorizedScope.NONE, 1, 30, List.of(nmap));
    }

    private void answer(MockResponse.Builder... responses) {
        for (MockResponse.Builder response : responses) {
            arrivals.enqueue(response.build());
        }
    }

    private <P> P awaitFirst(Class<P> type) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> payloads(type), list -> !list.isEmpty()).get(0);
    }

    private <P> List<P> payloads(Class<P> type) {
        return events.tap().eventsOf(runId).stream().map(EventEnvelope::payload).filter(type::isInstance).map(type::cast).toList();
    }

    private StepCompleted awaitCompleted(String stepId) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> payloads(StepCompleted.class).stream().filter(c -> c.stepId().equals(stepId)).toList(),
                completed -> !completed.isEmpty()).get(0);
    }

    @Test
    void givenALiveSlackStep_whenRequestedTwice_thenItPostsBlocksOnceWithAnIdempotencyKeyAndSucceeds() throws Exception {
        answer(new MockResponse.Builder().code(200).body("ok"));
        EventEnvelope request = EventEnvelope.of(runId, step("slack-1", "slack", RunMode.LIVE, "Ports on {{target}}: {{ports}}"));
        StepRequested marker = step("slack-2", "slack", RunMode.DEMO, "marker");

        publisher.publish(request);
        publisher.publish(request);
        // Same key, same partition: once the marker completed, both copies before it were taken in.
        publisher.publish(runId, marker);
        awaitCompleted(marker.stepId());

        StepCompleted completed = awaitCompleted(runId + ":slack-1");
        assertThat(completed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(completed.outputs()).containsEntry("delivered", true).containsEntry("httpStatus", 200)
                .containsEntry("attempts", 1);
        assertThat(webhook.getRequestCount()).isEqualTo(1);
        RecordedRequest posted = webhook.takeRequest();
        assertThat(posted.getMethod()).isEqualTo("POST");
        assertThat(posted.getHeaders().get("Idempotency-Key")).isEqualTo("step:" + runId + ":slack-1:1");
        JsonNode body = EventCodec.mapper().readTree(posted.getBody().utf8());
        assertThat(body.get("text").asString()).isEqualTo("Ports on 10.0.0.5: 10.0.0.5 22/tcp (ssh)");
        assertThat(body.get("blocks").get(0).get("type").asString()).isEqualTo("header");
        assertThat(body.get("blocks").get(1).get("text").get("text").asString())
                .isEqualTo("Ports on 10.0.0.5: 10.0.0.5 22/tcp (ssh)");
        assertThat(body.get("blocks").get(2).get("fields").get(0).get("text").asString()).isEqualTo("*Target*\n10.0.0.5");
        assertThat(payloads(StepStarted.class)).filteredOn(s -> s.stepId().equals(runId + ":slack-1")).hasSize(1)
                .allSatisfy(s -> assertThat(s.worker()).isEqualTo("notifier-under-test"));
        assertThat(payloads(StepCompleted.class)).filteredOn(c -> c.stepId().equals(runId + ":slack-1")).hasSize(1);
        assertThat(payloads(StepLog.class)).flatExtracting(StepLog::lines).noneMatch(line -> line.contains("secret-token"));
    }

    @Test
    void givenAWebhookAnswering500ThenOk_whenADiscordStepRuns_thenItIsRetriedWithTheSameKeyAndDeliveredOnce()
            throws Exception {
        answer(new MockResponse.Builder().code(500).body("boom"), new MockResponse.Builder().code(204));
        StepRequested discord = step("discord-1", "discord", RunMode.LIVE, "{{findings}}");

        publisher.publish(runId, discord);

        StepCompleted completed = awaitCompleted(discord.stepId());
        assertThat(completed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(completed.outputs()).containsEntry("delivered", true).containsEntry("httpStatus", 204)
                .containsEntry("attempts", 2);
        assertThat(webhook.getRequestCount()).isEqualTo(2);
        RecordedRequest first = webhook.takeRequest();
        RecordedRequest second = webhook.takeRequest();
        assertThat(second.getHeaders().get("Idempotency-Key")).isEqualTo(first.getHeaders().get("Idempotency-Key"));
        assertThat(EventCodec.mapper().readTree(second.getBody().utf8()).get("embeds").get(0).get("description").asString())
                .isEqualTo("no findings");
        assertThat(payloads(StepLog.class)).flatExtracting(StepLog::lines)
                .anyMatch(line -> line.startsWith("attempt 1 failed: HTTP 500; next attempt in"));
    }

    @Test
    void givenAWebhookAnswering429WithRetryAfter_whenANotificationIsSent_thenTheRetryWaitsThatLongAndSucceeds() {
        answer(new MockResponse.Builder().code(429).setHeader("Retry-After", "1"), new MockResponse.Builder().code(200));

        publisher.publish(runId, new NotificationRequested("n-" + runId, "slack", webhookUrl(), "Run finished", "admin"));

        NotificationSent sent = awaitFirst(NotificationSent.class);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.httpStatus()).isEqualTo(200);
        // The configured backoff is at most 200 ms: a second attempt a second later can only be the Retry-After.
        assertThat(arrivals.gapBetween(0, 1)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void givenAWebhookAnswering404_whenANotificationIsSent_thenItFailsAtOnceWithoutRetrying() {
        answer(new MockResponse.Builder().code(404), new MockResponse.Builder().code(200));

        publisher.publish(runId, new NotificationRequested("n-" + runId, "slack", webhookUrl(), "Run finished", "admin"));

        NotificationFailed failed = awaitFirst(NotificationFailed.class);
        assertThat(failed.reason()).isEqualTo("slack webhook: HTTP 404 (not retried)");
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(webhook.getRequestCount()).isEqualTo(1);
    }

    @Test
    void givenAWebhookThatAnswersTooLate_whenAStepRuns_thenEveryAttemptTimesOutAndItFailsWithTheReason() {
        MockResponse.Builder late = new MockResponse.Builder().code(200).headersDelay(2, TimeUnit.SECONDS);
        answer(late, late, late);
        StepRequested slack = step("slack-1", "slack", RunMode.LIVE, "hello");

        publisher.publish(runId, slack);

        StepCompleted completed = awaitCompleted(slack.stepId());
        assertThat(completed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(completed.outcome()).isEqualTo(StepOutcome.DELIVERY_FAILED);
        assertThat(completed.error()).isEqualTo("slack webhook: gave up after 3 attempts: timed out");
        assertThat(completed.outputs()).containsEntry("delivered", false).containsEntry("attempts", 3);
        assertThat(arrivals.count()).isEqualTo(3);
    }

    @Test
    void givenAWebhookRedirectingToAnInternalAddress_whenANotificationIsSent_thenTheRedirectIsNotFollowed()
            throws Exception {
        try (MockWebServer internal = new MockWebServer()) {
            internal.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
            answer(new MockResponse.Builder().code(302).setHeader("Location", internal.url("/latest/meta-data/")));

            publisher.publish(runId, new NotificationRequested("n-" + runId, "discord", webhookUrl(), "hi", "admin"));

            NotificationFailed failed = awaitFirst(NotificationFailed.class);
            assertThat(failed.reason()).isEqualTo("discord webhook: redirect (HTTP 302), which is not followed (not retried)");
            assertThat(internal.getRequestCount()).isZero();
            assertThat(webhook.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void givenAStepWaitingToRetry_whenItsCancellationArrives_thenItIsNotRetriedAndCompletesCancelled() {
        MockResponse.Builder later = new MockResponse.Builder().code(429).setHeader("Retry-After", "5");
        answer(later, later, later);
        StepRequested slack = step("slack-1", "slack", RunMode.LIVE, "hello");

        publisher.publish(runId, slack);
        publisher.publish(runId, new StepCancelRequested(slack.stepId(), slack.nodeId(), "slack", 1, "run cancelled"));

        StepCompleted completed = awaitCompleted(slack.stepId());
        assertThat(completed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(completed.outcome()).isEqualTo(StepOutcome.CANCELLED);
        assertThat(completed.error()).isEqualTo("cancelled: run cancelled");
        // Cancelled before the first attempt or while waiting for the second: never retried.
        assertThat(arrivals.count()).isLessThanOrEqualTo(1);
    }

    @Test
    void givenADemoSlackStep_whenRequested_thenNothingIsPostedAndTheRenderedMessageIsLogged() {
        StepRequested demo = step("slack-1", "slack", RunMode.DEMO, "Findings: {{findings}}");

        publisher.publish(runId, demo);

        StepCompleted completed = awaitCompleted(demo.stepId());
        assertThat(completed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(completed.outputs()).containsEntry("message", "Findings: no findings").containsEntry("delivered", false);
        assertThat(payloads(StepLog.class)).flatExtracting(StepLog::lines).contains("Findings: no findings");
        assertThat(webhook.getRequestCount()).isZero();
    }

    @Test
    void givenALiveStepToAWebhookOutsideTheAllowList_whenRequested_thenItFailsWithoutPosting() {
        StepRequested refused = new StepRequested(runId + ":slack-1", "slack-1", "slack", "Alert",
                Map.of("webhookUrl", "https://example.com/hook/secret-token", "message", "hi"), List.of("10.0.0.5"),
                RunMode.LIVE, AuthorizedScope.NONE, 1, 30, List.of());

        publisher.publish(runId, refused);

        StepCompleted completed = awaitCompleted(refused.stepId());
        assertThat(completed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(completed.outcome()).isEqualTo(StepOutcome.INVALID_INPUT);
        assertThat(completed.error()).startsWith("webhook URL host must be one of").doesNotContain("secret-token");
    }

    @Test
    void givenANotificationWithoutWebhookUrl_whenDelivered_thenItFailsWithAReason() {
        publisher.publish(runId, new NotificationRequested("n-" + runId, "slack", null, "Run finished", "admin"));

        NotificationFailed failed = awaitFirst(NotificationFailed.class);
        assertThat(failed.reason()).startsWith("no webhook URL given");
        assertThat(webhook.getRequestCount()).isZero();
    }

    // onlyNew: alerts about what the findings service sorted as new or reopened in this run

    private StepRequested onlyNewAlert(RunMode mode) {
        UpstreamOutput scan = new UpstreamOutput("scan", "nmap", Map.of(), List.of(
                finding(Severity.CRITICAL, "Vulnerable OpenSSH"), finding(Severity.HIGH, "Open port 3306/tcp (mysql)"),
                finding(Severity.MEDIUM, "Open port 8080/tcp (http)"), finding(Severity.LOW, "Open port 22/tcp (ssh)")));
        Map<String, Object> config = Map.of("webhookUrl", webhookUrl(), "message", "New: {{findings}}", "onlyNew", true);
        return new StepRequested(runId + ":alert", "alert", "slack", "Alert", config, List.of("10.0.0.5"), mode,
                AuthorizedScope.NONE, 1, 30, List.of(scan));
    }

    private static Finding finding(Severity severity, String title) {
        return new Finding("tool-" + title.hashCode(), severity, title, "d", null, null, "10.0.0.5", "nmap", null, Map.of());
    }

    private FindingsUpdated sorted(FindingsUpdated.FindingChange... changes) {
        return new FindingsUpdated(runId + ":scan", "scan", List.of(changes), List.of());
    }

    private static FindingsUpdated.FindingChange change(int index, String change, String triage) {
        return new FindingsUpdated.FindingChange(index, "fnd-" + index, change, triage);
    }

    @Test
    void givenAnOnlyNewStepRequestedBeforeItsUpstreamIsSorted_whenTheSortingArrives_thenOnlyNewAndReopenedFindingsNotTriagedAwayArePosted()
            throws Exception {
        answer(new MockResponse.Builder().code(200).body("ok"));
        StepRequested alert = onlyNewAlert(RunMode.LIVE);

        publisher.publish(runId, alert);
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.find(DeliveryIntake.stepKey(alert.stepId(), 1))
                .map(Delivery::status).orElse(null) == Delivery.Status.AWAITING_FINDINGS);
        assertThat(payloads(StepCompleted.class)).isEmpty();
        publisher.publish(runId, sorted(change(0, "new", "untriaged"), change(1, "unchanged", "confirmed"),
                change(2, "reopened", "untriaged"), change(3, "reopened", "false_positive")));

        StepCompleted completed = awaitCompleted(alert.stepId());
        assertThat(completed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(completed.outputs()).containsEntry("delivered", true)
                .containsEntry("message", "New: 2 findings (1 critical, 1 medium)");
        RecordedRequest posted = webhook.takeRequest(5, TimeUnit.SECONDS);
        assertThat(posted).isNotNull();
        assertThat(posted.getBody().utf8()).contains("2 findings (1 critical, 1 medium)").doesNotContain("high");
        assertThat(webhook.getRequestCount()).isEqualTo(1);
        assertThat(payloads(StepLog.class)).flatExtracting(StepLog::lines)
                .anyMatch(line -> line.startsWith("onlyNew: 2 of 4 upstream finding(s) new or reopened"));
    }

    @Test
    void givenAnOnlyNewStepWhoseUpstreamFoundNothingNew_whenItRuns_thenItSucceedsWithoutPostingAndSaysSo() {
        StepRequested alert = onlyNewAlert(RunMode.LIVE);

        publisher.publish(runId, sorted(change(0, "unchanged", "untriaged"), change(1, "unchanged", "confirmed"),
                change(2, "reopened", "accepted_risk"), change(3, "unchanged", "fixed")));
        publisher.publish(runId, alert);

        StepCompleted completed = awaitCompleted(alert.stepId());
        assertThat(completed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(completed.outputs()).containsEntry("delivered", false);
        assertThat(payloads(StepLog.class)).flatExtracting(StepLog::lines)
                .contains("nothing new: no slack message sent");
        assertThat(webhook.getRequestCount()).isZero();
    }

    @Test
    void givenAnOnlyNewStepWhoseUpstreamIsNeverSorted_whenTheWaitLimitPasses_thenItFailsNamingTheUpstreamNode() {
        StepRequested alert = onlyNewAlert(RunMode.LIVE);

        publisher.publish(runId, alert);

        StepCompleted completed = awaitCompleted(alert.stepId());
        assertThat(completed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(completed.outcome()).isEqualTo(StepOutcome.FINDINGS_UNAVAILABLE);
        assertThat(completed.error()).contains("upstream node(s) scan").contains("nothing was sent");
        assertThat(webhook.getRequestCount()).isZero();
    }

    @Test
    void givenAnOnlyNewStepWithAConfigThatIsNotABoolean_whenRequested_thenItFailsAsInvalidInput() {
        StepRequested alert = onlyNewAlert(RunMode.DEMO);
        StepRequested odd = new StepRequested(alert.stepId(), alert.nodeId(), alert.kind(), alert.name(),
                Map.of("message", "hi", "onlyNew", "sometimes"), alert.targets(), RunMode.DEMO, AuthorizedScope.NONE, 1,
                30, alert.upstream());

        publisher.publish(runId, odd);

        StepCompleted completed = awaitCompleted(odd.stepId());
        assertThat(completed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(completed.outcome()).isEqualTo(StepOutcome.INVALID_INPUT);
        assertThat(completed.error()).isEqualTo("slack config 'onlyNew' must be true or false");
    }
}
