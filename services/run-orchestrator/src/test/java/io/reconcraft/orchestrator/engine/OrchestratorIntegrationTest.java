package io.reconcraft.orchestrator.engine;

import io.reconcraft.events.model.StepOutcome;
import static io.reconcraft.orchestrator.support.Runs.*;

import io.reconcraft.orchestrator.support.RealBrokerTest;

import static io.reconcraft.orchestrator.support.Workflows.startNmapProbe;
import static io.reconcraft.orchestrator.support.Workflows.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.RunRequested;
import io.reconcraft.events.RunStatusChanged;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepLog;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.UpstreamOutput;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.Severity;
import io.reconcraft.events.model.SeverityCounts;
import io.reconcraft.orchestrator.store.RunDocument;
import io.reconcraft.orchestrator.store.RunStore;
import io.reconcraft.orchestrator.store.StepDocument;
import io.reconcraft.orchestrator.store.StepJson;
import io.reconcraft.orchestrator.support.OrchestratorSpringTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The orchestrator on a real broker and a real MongoDB-wire server; the test plays gateway and tool-runner. */
@OrchestratorSpringTest
class OrchestratorIntegrationTest extends RealBrokerTest {

    @Autowired
    RunStore store;

    @Test
    void givenStartNmapHttpProbe_whenTheToolsSucceed_thenStepsAreRequestedInOrderWithUpstreamOutputsAndTheRunSucceeds() {
        String runId = newRunId();
        tap.publish(runId, request(startNmapProbe()));

        StepRequested nmap = awaitRequest(tap, runId, "nmap", 1);
        assertThat(nmap.stepId()).isEqualTo(runId + ":nmap");
        assertThat(nmap.attempt()).isEqualTo(1);
        assertThat(nmap.targets()).containsExactly("127.0.0.1");
        assertThat(nmap.runMode()).isEqualTo(RunMode.DEMO);
        assertThat(nmap.scope().entries()).containsExactly("127.0.0.0/8");
        assertThat(nmap.timeoutSeconds()).isEqualTo(600);
        assertThat(nmap.upstream()).extracting(UpstreamOutput::nodeId).containsExactly("start");
        Finding telnet = finding("f1", Severity.HIGH, 23);
        Finding ssh = finding("f2", Severity.LOW, 22);
        tap.publish(runId, completed(nmap, RunStatus.SUCCEEDED, null, List.of(telnet, ssh),
                Map.of("ports", List.of(22, 23))));

        StepRequested probe = awaitRequest(tap, runId, "probe", 1);
        assertThat(probe.upstream()).singleElement().satisfies(upstream -> {
            assertThat(upstream.nodeId()).isEqualTo("nmap");
            assertThat(upstream.kind()).isEqualTo("nmap");
            assertThat(upstream.outputs()).containsEntry("ports", List.of(22, 23));
            assertThat(upstream.findings()).extracting(Finding::id).containsExactly("f1", "f2");
        });
        Finding header = finding("f3", Severity.MEDIUM, 80);
        tap.publish(runId, completed(probe, RunStatus.SUCCEEDED, null, List.of(header), Map.of("statuses", List.of(200))));

        RunCompleted done = awaitRunCompleted(tap, runId, 1);
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.summary().findingsCount()).isEqualTo(3);
        assertThat(done.summary().severities()).isEqualTo(new SeverityCounts(1, 1, 1, 0));
        assertThat(tap.payloadsOf(runId, StepRequested.class)).extracting(StepRequested::nodeId)
                .containsExactly("nmap", "probe");
        List<EventEnvelope> events = tap.eventsOf(runId);
        assertThat(events.stream().filter(e -> e.payload() instanceof RunStatusChanged).count()).isEqualTo(1);
        assertThat(tap.payloadsOf(runId, StepCompleted.class)).extracting(StepCompleted::nodeId)
                .containsExactly("start", "nmap", "probe");
        assertThat(tap.payloadsOf(runId, StepLog.class)).anySatisfy(log -> assertThat(log.nodeId()).isEqualTo("start"));
    }

    @Test
    void givenTwoIndependentBranches_whenTheRunStarts_thenBothAreRequestedBeforeEitherEndsAndTheJoinWaitsForBoth() {
        String runId = newRunId();
        // not gitleaks, whose timeout is a second in these tests: a slow machine would time the branch out
        tap.publish(runId, request(workflow().node("start", "start").node("scan", "nmap").node("leaks", "http-probe")
                .node("alert", "slack").edge("start", "scan").edge("start", "leaks").edge("scan", "alert")
                .edge("leaks", "alert").build()));

        // both branches are out at once: neither result has been sent when the second request is read
        StepRequested scan = awaitRequest(tap, runId, "scan", 1);
        StepRequested leaks = awaitRequest(tap, runId, "leaks", 1);
        RecordMetadata scanDone = tap.publish(runId, completed(scan, RunStatus.SUCCEEDED, null, List.of(), Map.of()));
        await().atMost(WAIT).until(() -> tap.processed(GROUP, scanDone));
        assertThat(tap.payloadsOf(runId, StepRequested.class)).extracting(StepRequested::nodeId)
                .containsExactly("scan", "leaks");

        tap.publish(runId, completed(leaks, RunStatus.SUCCEEDED, null, List.of(), Map.of()));
        tap.publish(runId, completed(awaitRequest(tap, runId, "alert", 1), RunStatus.SUCCEEDED, null, List.of(), Map.of()));

        assertThat(awaitRunCompleted(tap, runId, 1).status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void givenDuplicateRunRequestedAndStepCompleted_whenRedelivered_thenNothingChangesAndNothingIsEmitted() {
        String runId = newRunId();
        RunRequested run = request(startNmapProbe());
        tap.publish(runId, run);
        RecordMetadata secondRequest = tap.publish(runId, run);
        StepRequested nmap = awaitRequest(tap, runId, "nmap", 1);
        RecordMetadata result = tap.publish(runId, completed(nmap, RunStatus.SUCCEEDED, null,
                List.of(finding("f1", Severity.CRITICAL, 23)), Map.of("ports", List.of(23))));
        await().atMost(WAIT).until(() -> tap.processed(GROUP, result) && tap.processed(GROUP, secondRequest));
        awaitRequest(tap, runId, "probe", 1);
        int eventsBefore = tap.eventsOf(runId).size();
        RunDocument before = store.find(runId).orElseThrow();

        RecordMetadata duplicate = tap.publish(runId, completed(nmap, RunStatus.FAILED, null, List.of(), Map.of()));
        await().atMost(WAIT).until(() -> tap.processed(GROUP, duplicate));

        assertThat(tap.eventsOf(runId)).hasSize(eventsBefore + 1); // the duplicate itself, nothing in answer
        RunDocument after = store.find(runId).orElseThrow();
        assertThat(after).isEqualTo(before);
        assertThat(StepJson.findings(after.step("nmap").orElseThrow())).extracting(Finding::id).containsExactly("f1");
        assertThat(tap.payloadsOf(runId, StepRequested.class)).extracting(StepRequested::nodeId)
                .containsExactly("nmap", "probe");
    }

    @Test
    void givenAFailedStep_whenTheRunAdvances_thenDescendantsFailAsUpstreamFailedAndTheRunFails() {
        String runId = newRunId();
        tap.publish(runId, request(workflow().node("start", "start").node("nmap", "nmap").node("probe", "http-probe")
                .node("parse", "parser").edge("start", "nmap").edge("nmap", "probe").edge("probe", "parse").build()));
        StepRequested nmap = awaitRequest(tap, runId, "nmap", 1);

        tap.publish(runId, new StepCompleted(nmap.stepId(), "nmap", 1, RunStatus.FAILED, null,
                "nmap exited with code 1", List.of(), Map.of()));

        RunCompleted done = awaitRunCompleted(tap, runId, 1);
        assertThat(done.status()).isEqualTo(RunStatus.FAILED);
        assertThat(done.reason()).contains("NMAP").contains("nmap exited with code 1");
        assertThat(tap.payloadsOf(runId, StepCompleted.class))
                .filteredOn(step -> step.nodeId().equals("probe") || step.nodeId().equals("parse"))
                .extracting(StepCompleted::nodeId, StepCompleted::status, StepCompleted::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("probe", RunStatus.FAILED, StepOutcome.UPSTREAM_FAILED),
                        org.assertj.core.groups.Tuple.tuple("parse", RunStatus.FAILED, StepOutcome.UPSTREAM_FAILED));
        RunDocument stored = store.find(runId).orElseThrow();
        assertThat(stored.step("probe").orElseThrow().requestedAt()).isNull();
        assertThat(tap.payloadsOf(runId, StepRequested.class)).extracting(StepRequested::nodeId).containsExactly("nmap");
    }

    @Test
    void givenAConditionThatIsFalse_whenTheRunAdvances_thenTheTrueBranchIsSkippedAndTheFalseBranchRuns() {
        String runId = newRunId();
        tap.publish(runId, request(workflow().node("start", "start").node("nmap", "nmap")
                .node("check", "condition", Map.of("condition", "findings.length > 0"))
                .node("probe", "http-probe").node("parse", "parser").node("wait", "delay", Map.of("duration", "1"))
                .edge("start", "nmap").edge("nmap", "check").branch("check", true, "probe").edge("probe", "parse")
                .labelledBranch("check", false, "wait").build()));
        StepRequested nmap = awaitRequest(tap, runId, "nmap", 1);

        tap.publish(runId, completed(nmap, RunStatus.SUCCEEDED, null, List.of(), Map.of("ports", List.of())));

        RunCompleted done = awaitRunCompleted(tap, runId, 1);
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        RunDocument stored = store.find(runId).orElseThrow();
        assertThat(stored.step("check").orElseThrow().conditionResult()).isFalse();
        for (String skipped : List.of("probe", "parse")) {
            StepDocument step = stored.step(skipped).orElseThrow();
            assertThat(step.status()).isEqualTo("succeeded");
            assertThat(step.outcome()).isEqualTo("skipped");
        }
        StepDocument wait = stored.step("wait").orElseThrow();
        assertThat(wait.outcome()).isNull();
        assertThat(Duration.between(wait.requestedAt(), wait.completedAt())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(tap.payloadsOf(runId, StepLog.class)).anySatisfy(log -> {
            assertThat(log.nodeId()).isEqualTo("probe");
            assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("branch 'true'").contains("not taken"));
        });
        assertThat(tap.payloadsOf(runId, StepRequested.class)).extracting(StepRequested::nodeId).containsExactly("nmap");
    }

    @Test
    void givenAWorkflowWithACycle_whenRequested_thenTheRunFailsWithAReason() {
        String runId = newRunId();
        tap.publish(runId, request(workflow().node("a", "nmap").node("b", "parser").edge("a", "b").edge("b", "a").build()));

        RunCompleted done = awaitRunCompleted(tap, runId, 1);

        assertThat(done.status()).isEqualTo(RunStatus.FAILED);
        assertThat(done.outcome()).isEqualTo(StepOutcome.INVALID_WORKFLOW);
        assertThat(done.reason()).contains("cycle");
    }

}
