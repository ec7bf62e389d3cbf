package io.reconcraft.findings.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.EventPayload;
import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.RunRequested;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.Topics;
import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.RunSummary;
import io.reconcraft.events.model.Severity;
import io.reconcraft.events.model.WorkflowEdge;
import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.events.model.WorkflowSnapshot;
import io.reconcraft.testing.CommandCounts;
import io.reconcraft.testing.RealInfrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a batch of run events costs in MongoDB round trips: the same few per collection whether it holds one run's
 * events or ten runs', instead of a read and a write per event and per finding. (The listeners are called directly;
 * Kafka's own listeners are not started here.)
 */
@SpringBootTest(properties = {"spring.kafka.listener.auto-startup=false",
        "reconcraft.findings.report-poll-interval=1h"})
class RunEventsBatchRoundTripsTest {

    private static final Set<String> COLLECTIONS = Set.of("findings", "findingHistory", "steps", "runs", "timeline",
            "reportSteps");
    private static final CommandCounts COMMANDS = new CommandCounts(COLLECTIONS);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry);
    }

    @TestConfiguration
    static class CountCommands {
        @Bean
        MongoClientSettingsBuilderCustomizer countCommands() {
            return settings -> settings.addCommandListener(COMMANDS);
        }
    }

    @Autowired
    private RunRequestListener requests;

    @Autowired
    private RunEventsListener events;

    @Test
    void givenTenRunsRequestedInOneBatch_whenStored_thenItIsOneBulkWrite() {
        List<ConsumerRecord<String, EventEnvelope>> batch = batch(Topics.RUN_REQUESTS, newRunIds(10).stream()
                .map(run -> EventEnvelope.of(run, requested())).toList());

        Map<String, Integer> commands = count(() -> requests.on(batch));

        assertThat(commands).isEqualTo(Map.of("update runs", 1));
    }

    @Test
    void givenTenRunsEndingInOneBatch_whenApplied_thenItCostsTheRoundTripsOfOne() {
        List<ConsumerRecord<String, EventEnvelope>> oneRun = batch(Topics.RUN_EVENTS, wholeRuns(requestedRuns(1)));
        List<ConsumerRecord<String, EventEnvelope>> tenRuns = batch(Topics.RUN_EVENTS, wholeRuns(requestedRuns(10)));

        Map<String, Integer> one = count(() -> events.on(oneRun));
        Map<String, Integer> ten = count(() -> events.on(tenRuns));

        // timeline: one bulk write; runs: one query, one bulk write of the ends; steps: one bulk write, the ended
        // runs' steps; findings: the fingerprints and the runs' entries beside them, one bulk insert, the ends'
        // candidates and the runs' entries (nothing to resolve: every finding was seen)
        assertThat(ten).isEqualTo(one).isEqualTo(Map.of("update timeline", 1, "find runs", 1, "update runs", 1,
                "find steps", 1, "update steps", 1, "find findings", 2, "find findingHistory", 2,
                "insert findings", 1));
    }

    @Test
    void givenTenHostsScannedBefore_whenTheirNextRunsEndInOneBatchWithOnePortClosedEach_thenEachWriteIsOneBulkWrite() {
        List<String> hosts = newRunIds(10).stream().map(id -> "host-" + id.substring(4, 12) + ".test").toList();
        events.on(batch(Topics.RUN_EVENTS, wholeRuns(requestedRuns(10), hosts, 22, 80)));
        List<ConsumerRecord<String, EventEnvelope>> again = batch(Topics.RUN_EVENTS,
                wholeRuns(requestedRuns(10), hosts, 22));

        Map<String, Integer> commands = count(() -> events.on(again));

        // findings: the fingerprints and the runs' entries, the earlier runs' entries filed and one bulk update of
        // what was seen again; the ends' candidates and the runs' entries, the entries moved off what they resolved
        // (port 80 on each host) filed and one bulk update of it
        assertThat(commands).isEqualTo(Map.of("update timeline", 1, "find runs", 1, "update runs", 1,
                "find steps", 1, "update steps", 1, "find findings", 2, "find findingHistory", 2,
                "insert findingHistory", 2, "update findings", 2));
    }

    private static Map<String, Integer> count(Runnable action) {
        return COMMANDS.during(action);
    }

    private static List<String> newRunIds(int n) {
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            runs.add("run-" + UUID.randomUUID());
        }
        return runs;
    }

    private List<String> requestedRuns(int n) {
        List<String> runs = newRunIds(n);
        requests.on(batch(Topics.RUN_REQUESTS, runs.stream().map(run -> EventEnvelope.of(run, requested())).toList()));
        return runs;
    }

    /** Each run's scan starting, finding two open ports on the run's own host, and the run ending. */
    private static List<EventEnvelope> wholeRuns(List<String> runs) {
        return wholeRuns(runs, runs.stream().map(run -> "host-" + run.substring(4, 12) + ".test").toList(), 22, 80);
    }

    /** Each run's scan of its host starting, finding the given ports open, and the run ending. */
    private static List<EventEnvelope> wholeRuns(List<String> runs, List<String> hosts, int... ports) {
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            String run = runs.get(i);
            String host = hosts.get(i);
            List<Finding> findings = java.util.Arrays.stream(ports).mapToObj(p -> port(host, p, p == 22 ? "ssh" : "http"))
                    .toList();
            events.add(envelope(run, new StepStarted(run + ":scan", "scan", 1, "tool-runner-1")));
            events.add(envelope(run, new StepCompleted(run + ":scan", "scan", 1, RunStatus.SUCCEEDED, null, null,
                    findings, Map.of("hosts", List.of(Map.of("target", host, "address", "127.0.0.1"))))));
            events.add(envelope(run, new RunCompleted(RunStatus.SUCCEEDED, null, null, RunSummary.of(List.of()))));
        }
        return events;
    }

    private static EventEnvelope envelope(String run, EventPayload payload) {
        return EventEnvelope.of(run, payload);
    }

    private static Finding port(String host, int port, String service) {
        return new Finding("nmap-" + port, Severity.LOW, "Open port " + port + "/tcp (" + service + ")",
                "A service answers on " + host + " port " + port + "/tcp.", service, port, host, "nmap",
                "tool-runner-" + port, Map.of("address", "127.0.0.1", "state", "open"));
    }

    private static RunRequested requested() {
        WorkflowSnapshot workflow = new WorkflowSnapshot("wf-round-trips", "Recon", List.of(
                new WorkflowNode("start", "start", "Start", "utilities", Map.of(), new WorkflowNode.Position(0, 0)),
                new WorkflowNode("scan", "nmap", "Port scan", "recon", Map.of("profile", "quick"),
                        new WorkflowNode.Position(1, 0))),
                List.of(new WorkflowEdge("e1", "start", "scan", null, null, null, null)));
        return new RunRequested(workflow, List.of("127.0.0.1"), RunMode.DEMO, AuthorizedScope.NONE, "key-operator");
    }

    private static List<ConsumerRecord<String, EventEnvelope>> batch(String topic, List<EventEnvelope> events) {
        List<ConsumerRecord<String, EventEnvelope>> records = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            records.add(new ConsumerRecord<>(topic, 0, i, events.get(i).runId(), events.get(i)));
        }
        return records;
    }
}
