package io.reconcraft.findings;

import io.reconcraft.events.model.StepOutcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reconcraft.events.EventCodec;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.FindingTriaged;
import io.reconcraft.events.FindingsUpdated;
import io.reconcraft.events.ReportWritten;
import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.RunRequested;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepLog;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.Topics;
import io.reconcraft.events.UpstreamOutput;
import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.RunSummary;
import io.reconcraft.events.model.Severity;
import io.reconcraft.events.model.WorkflowEdge;
import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.events.model.WorkflowSnapshot;
import io.reconcraft.testing.SharedEventTap;
import io.reconcraft.testing.RealInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The findings service on a real in-process Kafka broker and a real MongoDB-wire server, driven by run events. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"reconcraft.findings.report-poll-interval=200ms", "reconcraft.findings.worker-id=findings-under-test"})
@AutoConfigureWebTestClient(timeout = "PT60S")
class FindingsIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    @RegisterExtension
    static final SharedEventTap events = SharedEventTap.on(Topics.RUN_EVENTS, Topics.FINDINGS_EVENTS,
            Topics.deadLetterOf(Topics.RUN_EVENTS));

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry);
    }

    @Autowired
    private WebTestClient http;

    /** Each test scans its own host, so findings stored by other tests never meet its runs. */
    private final String host = "host-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
    private final String workflowId = "wf-" + UUID.randomUUID();

    @Test
    void givenTheSameScanTwice_whenTheSecondRunEnds_thenNothingIsNewAndNothingResolved() {
        String first = run(22, 80);
        assertThat(names(diff(first), "new")).containsExactlyInAnyOrder("Open port 22/tcp (ssh)", "Open port 80/tcp (http)");

        String second = run(22, 80);

        JsonNode diff = diff(second);
        assertThat(diff.get("new")).isEmpty();
        assertThat(diff.get("resolved")).isEmpty();
        assertThat(diff.get("unchanged")).hasSize(2);
        assertThat(diff.get("unchanged").get(0).get("occurrences").asInt()).isEqualTo(2);
    }

    @Test
    void givenAPortThatClosedAndOneThatOpened_whenTheRunEnds_thenOneIsNewAndOneResolved() {
        run(22, 80);

        String second = run(22, 443);

        JsonNode diff = diff(second);
        assertThat(names(diff, "new")).containsExactly("Open port 443/tcp (https)");
        assertThat(names(diff, "resolved")).containsExactly("Open port 80/tcp (http)");
        assertThat(names(diff, "unchanged")).containsExactly("Open port 22/tcp (ssh)");
        assertThat(diff.get("resolved").get(0).get("state").asString()).isEqualTo("resolved");
    }

    @Test
    void givenAResolvedFinding_whenItIsSeenAgain_thenItIsReopened() {
        run(22, 80);
        run(22);

        String third = run(22, 80);

        assertThat(names(diff(third), "reopened")).containsExactly("Open port 80/tcp (http)");
        String id = diff(third).get("reopened").get(0).get("id").asString();
        JsonNode finding = body(http.get().uri("/findings/{id}", id));
        assertThat(finding.get("history")).extracting(entry -> entry.get("change").asString())
                .containsExactly("new", "resolved", "reopened");
        assertThat(finding.get("state").asString()).isEqualTo("open");
    }

    @Test
    void givenAFailedScan_whenTheRunEnds_thenWhatItDidNotSeeIsNotResolved() {
        run(22, 80);

        String failed = run(RunStatus.FAILED, 22);

        assertThat(diff(failed).get("resolved")).isEmpty();
    }

    @Test
    void givenATriagedFinding_whenTheScanRunsAgain_thenTheTriageStays_andAFixedOneSeenAgainIsReopenedAndUntriaged() {
        String first = run(22, 80);
        String ssh = idOf(diff(first), "new", "Open port 22/tcp (ssh)");
        String http80 = idOf(diff(first), "new", "Open port 80/tcp (http)");
        triage(ssh, "false_positive", "lab host, not exposed");
        triage(http80, "fixed", null);

        String second = run(22, 80);

        JsonNode diff = diff(second);
        assertThat(idOf(diff, "unchanged", "Open port 22/tcp (ssh)")).isEqualTo(ssh);
        JsonNode kept = body(http.get().uri("/findings/{id}", ssh));
        assertThat(kept.get("triage").asString()).isEqualTo("false_positive");
        assertThat(kept.get("triageNote").asString()).isEqualTo("lab host, not exposed");
        assertThat(idOf(diff, "reopened", "Open port 80/tcp (http)")).isEqualTo(http80);
        assertThat(body(http.get().uri("/findings/{id}", http80)).get("triage").asString()).isEqualTo("untriaged");
        // what the notifier's onlyNew alerts read: each change with the triage it stood at
        assertThat(events.tap().payloadsOf(second, FindingsUpdated.class)).filteredOn(update -> update.stepId() != null)
                .singleElement().satisfies(update -> assertThat(update.findings())
                        .extracting(FindingsUpdated.FindingChange::findingId, FindingsUpdated.FindingChange::change,
                                FindingsUpdated.FindingChange::triage)
                        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(ssh, "unchanged", "false_positive"),
                                org.assertj.core.groups.Tuple.tuple(http80, "reopened", "untriaged")));
        assertThat(events.tap().drain()).extracting(seen -> seen.event().payload())
                .filteredOn(FindingTriaged.class::isInstance).map(FindingTriaged.class::cast)
                .anySatisfy(triaged -> {
                    assertThat(triaged.findingId()).isEqualTo(ssh);
                    assertThat(triaged.triage()).isEqualTo("false_positive");
                    assertThat(triaged.by()).isEqualTo("key-operator");
                });
    }

    @Test
    void givenEventsDeliveredTwice_whenTheRunEnds_thenNothingIsCountedTwice() {
        String runId = "run-" + UUID.randomUUID();
        publish(runId, requested(runId));
        EventEnvelope scan = EventEnvelope.of(runId, scanResult(runId, RunStatus.SUCCEEDED, 22));
        EventEnvelope end = EventEnvelope.of(runId, new RunCompleted(RunStatus.SUCCEEDED, null, null, RunSummary.of(List.of())));
        events.tap().publish(scan);
        events.tap().publish(scan);
        events.tap().publish(end);
        events.tap().publish(end);
        awaitResolution(runId, 2);

        JsonNode diff = diff(runId);
        assertThat(diff.get("new")).hasSize(1);
        JsonNode finding = body(http.get().uri("/findings/{id}", diff.get("new").get(0).get("id").asString()));
        assertThat(finding.get("occurrences").asInt()).isEqualTo(1);
        assertThat(finding.get("history")).hasSize(1);
        List<FindingsUpdated> updates = events.tap().payloadsOf(runId, FindingsUpdated.class);
        assertThat(updates).filteredOn(update -> update.stepId() != null)
                .allSatisfy(update -> assertThat(update.findings()).extracting(FindingsUpdated.FindingChange::change)
                        .containsExactly("new"));
    }

    @Test
    void givenAnUnsignedRecordAmongARunsEvents_whenTheyArrive_thenItIsDeadLetteredAndTheOthersAreApplied() {
        String runId = "run-" + UUID.randomUUID();
        publish(runId, requested(runId));
        EventEnvelope forged = EventEnvelope.of(runId, scanResult(runId, RunStatus.SUCCEEDED, 3306));
        events.tap().publishRaw(Topics.RUN_EVENTS, runId, EventCodec.write(forged));
        publish(runId, scanResult(runId, RunStatus.SUCCEEDED, 22));
        publish(runId, new RunCompleted(RunStatus.SUCCEEDED, null, null, RunSummary.of(List.of())));

        awaitResolution(runId, 1);

        assertThat(names(diff(runId), "new")).containsExactly("Open port 22/tcp (ssh)");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(events.tap().drain())
                .filteredOn(seen -> seen.topic().equals(Topics.deadLetterOf(Topics.RUN_EVENTS)))
                .extracting(seen -> seen.event().eventId()).contains(forged.eventId()));
    }

    @Test
    void givenAReportRequestedBeforeItsUpstreamResultArrives_whenTheResultArrives_thenTheReportIsWrittenAndDownloadable() {
        String runId = "run-" + UUID.randomUUID();
        publish(runId, requested(runId));
        publish(runId, new StepRequested(runId + ":report", "report", "report", "Report",
                Map.of("title", "Weekly recon", "includeSections", List.of("summary", "findings", "recommendations")),
                List.of(), RunMode.DEMO, AuthorizedScope.NONE, 1, 120,
                List.of(new UpstreamOutput("scan", "nmap", Map.of(), List.of()))));
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5))
                .until(() -> events.tap().payloadsOf(runId, StepCompleted.class).isEmpty());

        publish(runId, scanResult(runId, RunStatus.SUCCEEDED, 22, 80));

        StepCompleted report = await().atMost(Duration.ofSeconds(30)).until(() -> events.tap().payloadsOf(runId, StepCompleted.class)
                .stream().filter(step -> "report".equals(step.nodeId())).findFirst().orElse(null), done -> done != null);
        assertThat(report.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(events.tap().payloadsOf(runId, StepStarted.class)).extracting(StepStarted::nodeId).contains("report");
        List<String> lines = events.tap().payloadsOf(runId, StepLog.class).stream().filter(log -> "report".equals(log.nodeId()))
                .flatMap(log -> log.lines().stream()).toList();
        assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("wrote reconcraft-report-"));
        List<ReportWritten> written = events.tap().payloadsOf(runId, ReportWritten.class);
        assertThat(written).extracting(ReportWritten::format).containsExactlyInAnyOrder("html", "json");

        JsonNode listed = body(http.get().uri("/runs/{id}/reports", runId));
        assertThat(listed).hasSize(2);
        String jsonId = written.stream().filter(w -> w.format().equals("json")).findFirst().orElseThrow().reportId();
        byte[] json = http.get().uri("/reports/{id}/download", jsonId).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectHeader().value("Content-Disposition", value -> assertThat(value).startsWith("attachment;"))
                .expectBody().returnResult().getResponseBody();
        JsonNode model = JSON.readTree(json);
        assertThat(model.get("title").asString()).isEqualTo("Weekly recon");
        assertThat(model.get("runId").asString()).isEqualTo(runId);
        assertThat(model.get("findings")).hasSize(2);
        assertThat(model.get("changes").get("newCount").asInt()).isEqualTo(2);
        String htmlId = written.stream().filter(w -> w.format().equals("html")).findFirst().orElseThrow().reportId();
        http.get().uri("/reports/{id}/download", htmlId).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @Test
    void givenUnknownIdsAndBadInput_whenAsked_thenTheAnswersSaySo() {
        http.get().uri("/reports/{id}/download", "rep-nope").exchange().expectStatus().isNotFound();
        http.get().uri("/findings/{id}", "fnd-nope").exchange().expectStatus().isNotFound();
        http.get().uri("/findings?severity=urgent").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("severity");
        String first = run(22);
        http.patch().uri("/findings/{id}", diff(first).get("new").get(0).get("id").asString())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("triage", "ignored"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("triage");
        String running = "run-" + UUID.randomUUID();
        publish(running, requested(running));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> http.post().uri("/runs/{id}/reports", running)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("formats", List.of("json")))
                .exchange().expectStatus().isEqualTo(409));
    }

    @Test
    void givenAFinishedRun_whenAReportIsAskedFor_thenItIsWrittenInTheFormatsAsked() {
        String runId = run(22);

        JsonNode written = body(http.post().uri("/runs/{id}/reports", runId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("formats", List.of("json"))), 202);

        assertThat(written).hasSize(1);
        assertThat(written.get(0).get("format").asString()).isEqualTo("json");
        assertThat(written.get(0).get("fileName").asString()).endsWith(".json");
        http.get().uri("/reports/{id}/download", written.get(0).get("id").asString()).exchange().expectStatus().isOk();
    }

    @Test
    void givenFindings_whenListedWithFilters_thenOnlyMatchingOnesComeWithTheirTotal() {
        String runId = run(22, 80, 3306);

        http.get().uri("/findings?target={t}&limit=2", host).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "3")
                .expectBody().jsonPath("$.length()").isEqualTo(2);
        http.get().uri("/findings?runId={r}&change=new&severity=low", runId).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "3");
        http.get().uri("/findings?runId={r}&limit=1", runId).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "3")
                .expectBody().jsonPath("$[0].change").isEqualTo("new");
        http.get().uri("/findings?target={t}&state=resolved", host).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "0");
    }

    // --- helpers

    private String run(int... ports) {
        return run(RunStatus.SUCCEEDED, ports);
    }

    /** One run of "start → scan (nmap)" on this test's host, finding the given open ports; waits until it is sorted. */
    private String run(RunStatus scanStatus, int... ports) {
        String runId = "run-" + UUID.randomUUID();
        publish(runId, requested(runId));
        publish(runId, scanResult(runId, scanStatus, ports));
        publish(runId, new RunCompleted(scanStatus, null, null, RunSummary.of(List.of())));
        awaitResolution(runId, 1);
        return runId;
    }

    private void awaitResolution(String runId, int atLeast) {
        await().atMost(Duration.ofSeconds(30)).until(() -> events.tap().payloadsOf(runId, FindingsUpdated.class).stream()
                .filter(update -> update.stepId() == null).count() >= atLeast);
    }

    private RunRequested requested(String runId) {
        WorkflowSnapshot workflow = new WorkflowSnapshot(workflowId, "Recon", List.of(
                new WorkflowNode("start", "start", "Start", "utilities", Map.of(), new WorkflowNode.Position(0, 0)),
                new WorkflowNode("scan", "nmap", "Port scan", "recon", Map.of("profile", "quick"),
                        new WorkflowNode.Position(1, 0)),
                new WorkflowNode("report", "report", "Report", "output", Map.of(), new WorkflowNode.Position(2, 0))),
                List.of(new WorkflowEdge("e1", "start", "scan", null, null, null, null),
                        new WorkflowEdge("e2", "scan", "report", null, null, null, null)));
        return new RunRequested(workflow, List.of(host), RunMode.DEMO, AuthorizedScope.NONE, "key-operator");
    }

    private StepCompleted scanResult(String runId, RunStatus status, int... ports) {
        List<Finding> findings = new ArrayList<>();
        for (int port : ports) {
            String service = switch (port) {
                case 22 -> "ssh";
                case 80 -> "http";
                case 443 -> "https";
                default -> "mysql";
            };
            findings.add(new Finding("nmap-" + port, Severity.LOW, "Open port " + port + "/tcp (" + service + ")",
                    "A service answers on " + host + " port " + port + "/tcp.", service, port, host, "nmap",
                    "tool-runner-" + port, Map.of("address", "127.0.0.1", "state", "open")));
        }
        return new StepCompleted(runId + ":scan", "scan", 1, status, status == RunStatus.FAILED ? StepOutcome.TIMEOUT : null,
                status == RunStatus.FAILED ? "nmap timed out" : null, findings,
                Map.of("hosts", List.of(Map.of("target", host, "address", "127.0.0.1"))));
    }

    private void publish(String runId, io.reconcraft.events.EventPayload payload) {
        events.tap().publish(runId, payload);
    }

    private void triage(String id, String triage, String note) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("triage", triage);
        body.put("note", note);
        body.put("by", "key-operator");
        http.patch().uri("/findings/{id}", id).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk();
    }

    private JsonNode diff(String runId) {
        return body(http.get().uri("/runs/{id}/diff", runId));
    }

    private JsonNode body(WebTestClient.RequestHeadersSpec<?> request) {
        return body(request, 200);
    }

    private JsonNode body(WebTestClient.RequestHeadersSpec<?> request, int status) {
        byte[] bytes = request.exchange().expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody();
        return JSON.readTree(bytes);
    }

    private static List<String> names(JsonNode diff, String change) {
        List<String> names = new ArrayList<>();
        diff.get(change).forEach(finding -> names.add(finding.get("title").asString()));
        return names;
    }

    private static String idOf(JsonNode diff, String change, String title) {
        for (JsonNode finding : diff.get(change)) {
            if (finding.get("title").asString().equals(title)) {
                return finding.get("id").asString();
            }
        }
        throw new AssertionError("no " + change + " finding '" + title + "' in " + diff);
    }
}
