package io.reconcraft.events;

import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.RunSummary;
import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.events.model.Severity;
import io.reconcraft.events.model.WorkflowEdge;
import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.events.model.WorkflowSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One realistic instance of every event type. */
final class SampleEvents {

    static final Finding OPEN_SSH = new Finding("f-1", Severity.LOW, "Open port 22/tcp (ssh)",
            "OpenSSH 9.2p1 answers on 22/tcp", "ssh", 22, "127.0.0.1", "nmap", "nmap:127.0.0.1:22:open-port",
            Map.of("product", "OpenSSH", "version", "9.2p1"));

    static final WorkflowSnapshot WORKFLOW = new WorkflowSnapshot("wf-1", "Recon", List.of(
            new WorkflowNode("start", "start", "Start", "utilities", Map.of(), new WorkflowNode.Position(0, 0)),
            new WorkflowNode("scan", "nmap", "Port scan", "recon",
                    Map.of("targets", List.of(), "profile", "quick", "flags", "-sV"), new WorkflowNode.Position(200, 0))),
            List.of(new WorkflowEdge("e1", "start", "scan", null, null, null, "default")));

    private SampleEvents() {
    }

    static List<EventPayload> all() {
        return List.of(
                new RunRequested(WORKFLOW, List.of("127.0.0.1"), RunMode.DEMO,
                        new AuthorizedScope(List.of("127.0.0.0/8")), "key-1"),
                new RunCancelRequested("key-1", "operator asked"),
                new RunStatusChanged(RunStatus.RUNNING, null, null),
                new RunCompleted(RunStatus.SUCCEEDED, null, null, RunSummary.of(List.of(OPEN_SSH))),
                new StepRequested("run-1:scan", "scan", "nmap", "Port scan", Map.of("profile", "quick"),
                        List.of("127.0.0.1"), RunMode.DEMO, AuthorizedScope.NONE, 1, 300,
                        List.of(new UpstreamOutput("start", "start", Map.of(), List.of()))),
                new StepStarted("run-1:scan", "scan", 1, "runner-a"),
                new StepLog("run-1:scan", "scan", 1, List.of("Starting Nmap 7.93", "22/tcp open ssh")),
                new StepCompleted("run-1:scan", "scan", 1, RunStatus.SUCCEEDED, null, null, List.of(OPEN_SSH),
                        Map.of("hosts", List.of(Map.of("address", "127.0.0.1")))),
                new StepCompleted("run-1:scan", "scan", 2, RunStatus.FAILED, StepOutcome.TIMEOUT, "no result in 300 s",
                        List.of(), Map.of()),
                new RunStatusChanged(RunStatus.RUNNING, StepOutcome.RETRYING, "retry requested by key-1"),
                new RunCompleted(RunStatus.FAILED, StepOutcome.STEP_FAILED, "step 'scan' failed", RunSummary.of(List.of())),
                new NotificationRequested("n-1", "slack", "https://hooks.slack.com/services/T/B/X", "hello", "key-1"),
                new NotificationSent("n-1", "slack", 200, 1),
                new NotificationFailed("n-1", "discord", "HTTP 404 from webhook", 3),
                new RunRetryRequested("key-1"),
                new StepCancelRequested("run-1:scan", "scan", "nmap", 1, "run cancelled by key-1"),
                new ApiCallAudited("key-1", "operator", "POST /api/runs/{id}/cancel", "run-1", "127.0.0.1",
                        ApiCallAudited.Outcome.ALLOWED, 202),
                new FindingsUpdated("run-1:scan", "scan",
                        List.of(new FindingsUpdated.FindingChange(0, "fnd-1", "new")), List.of()),
                new ReportWritten("rep-1", "run-1:report", "report", "html", "report-run-1.html", "text/html", 2048),
                new FindingTriaged("fnd-1", "ab12", "untriaged", "false_positive", "lab host", "key-1"),
                new ScheduleFired("sch-1", java.time.Instant.parse("2026-11-29T02:30:00Z"), null, ScheduleFired.Outcome.SKIPPED,
                        "the previous run run-0 is still running", "key-1"),
                new RunRequested(WORKFLOW, List.of("127.0.0.1"), RunMode.LIVE,
                        new AuthorizedScope(List.of("127.0.0.0/8")), "key-1",
                        io.reconcraft.events.model.RunTrigger.schedule("sch-1")),
                new AuthorizedTargetsSnapshot(List.of("127.0.0.1/32", "app.example.org"),
                        Instant.parse("2026-12-01T10:00:00Z")));
    }

    /** The first sample of that type: tests name the event they mean, not its place in the list. */
    static <T extends EventPayload> T first(Class<T> type) {
        return first(type, sample -> true);
    }

    static <T extends EventPayload> T first(Class<T> type, java.util.function.Predicate<T> which) {
        return all().stream().filter(type::isInstance).map(type::cast).filter(which).findFirst().orElseThrow();
    }
}
