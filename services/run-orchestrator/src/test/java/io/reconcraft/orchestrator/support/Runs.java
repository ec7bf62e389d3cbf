package io.reconcraft.orchestrator.support;

import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.testing.EventTap;

import static org.awaitility.Awaitility.await;

import io.reconcraft.events.EventPayload;
import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.RunRequested;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.Severity;
import io.reconcraft.events.model.WorkflowSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.core.ConditionTimeoutException;

/** What the integration tests do as gateway and executors, and what they wait for. */
public final class Runs {

    public static final String GROUP = "run-orchestrator";
    public static final Duration WAIT = Duration.ofSeconds(60);

    private Runs() {
    }

    public static String newRunId() {
        return "run-" + UUID.randomUUID();
    }

    public static RunRequested request(WorkflowSnapshot workflow) {
        return new RunRequested(workflow, List.of("127.0.0.1"), RunMode.DEMO,
                new AuthorizedScope(List.of("127.0.0.0/8")), "test");
    }

    public static StepCompleted completed(StepRequested request, RunStatus status, String outcome,
                                          List<Finding> findings, Map<String, Object> outputs) {
        return new StepCompleted(request.stepId(), request.nodeId(), request.attempt(), status, StepOutcome.of(outcome),
                status == RunStatus.FAILED ? "failed as " + outcome : null, findings, outputs);
    }

    public static StepCompleted succeeded(StepRequested request, Map<String, Object> outputs) {
        return completed(request, RunStatus.SUCCEEDED, null, List.of(), outputs);
    }

    public static StepRequested awaitRequest(EventTap tap, String runId, String nodeId, int attempt) {
        try {
            return await().atMost(WAIT).until(() -> tap.payloadsOf(runId, StepRequested.class).stream()
                    .filter(r -> r.nodeId().equals(nodeId) && r.attempt() == attempt).findFirst(),
                    java.util.Optional::isPresent).orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no StepRequested of " + nodeId + " attempt " + attempt + " within " + WAIT
                    + "; the run's events seen: " + seen(tap, runId), e);
        }
    }

    public static List<StepRequested> awaitRequests(EventTap tap, String runId, String nodeId, int count) {
        return await().atMost(WAIT).until(() -> tap.payloadsOf(runId, StepRequested.class).stream()
                .filter(r -> r.nodeId().equals(nodeId)).toList(), l -> l.size() >= count);
    }

    public static <P extends EventPayload> P awaitPayload(EventTap tap, String runId, Class<P> type,
                                                          java.util.function.Predicate<P> matching) {
        return await().atMost(WAIT).until(() -> tap.payloadsOf(runId, type).stream().filter(matching).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    /** The {@code n}th (1-based) RunCompleted of the run. */
    public static RunCompleted awaitRunCompleted(EventTap tap, String runId, int n) {
        try {
            return await().atMost(WAIT).until(() -> tap.payloadsOf(runId, RunCompleted.class), l -> l.size() >= n)
                    .get(n - 1);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no RunCompleted #" + n + " within " + WAIT + "; the run's events seen: "
                    + seen(tap, runId), e);
        }
    }

    /** The run's events in the order seen, one line: what a test that waited in vain prints (CI shows one line). */
    private static String seen(EventTap tap, String runId) {
        return tap.eventsOf(runId).stream().map(event -> event.payload() instanceof StepCompleted done
                        ? "StepCompleted(" + done.nodeId() + " " + done.status() + ")"
                        : event.payload() instanceof StepRequested requested
                        ? "StepRequested(" + requested.nodeId() + " #" + requested.attempt() + ")"
                        : event.payload().getClass().getSimpleName())
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    /** {@code count} hosts with one open port each as a scan's outputs list them: about 60 bytes of JSON a host. */
    public static List<Map<String, Object>> hosts(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> Map.<String, Object>of("address", "127.0."
                + (i / 250) + "." + (i % 250 + 1), "ports", List.of(Map.of("port", 80, "state", "open")))).toList();
    }

    public static Finding finding(String id, Severity severity, int port) {
        return new Finding(id, severity, "port " + port, "seen open", "svc", port, "127.0.0.1", "nmap", "fp-" + id,
                Map.of());
    }
}
