package io.reconcraft.findings.sorting;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.FindingsUpdated;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.Severity;
import io.reconcraft.findings.store.FindingRecord;
import io.reconcraft.findings.store.FindingStore;
import io.reconcraft.findings.store.RunRecord;
import io.reconcraft.findings.store.StepRecord;
import io.reconcraft.findings.support.FreshFindingsDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * A run's results or end delivered again after later runs changed its findings (so that its history entries were
 * filed off the records): what it did is answered again and nothing is counted twice. On the MongoDB-wire server.
 */
class RedeliveryTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final String HOST = "host.test";

    private final FreshFindingsDatabase database = new FreshFindingsDatabase("redelivery");
    private final ReactiveMongoTemplate mongo = database.mongo();
    private final FindingStore store = new FindingStore(mongo);
    private final FindingSorter sorter = new FindingSorter(store);
    private final RunResolver resolver = new RunResolver(store);

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void givenAResultWhoseEntryALaterRunFiled_whenItIsDeliveredAgain_thenItAnswersTheChangeRecordedAndCountsOnce() {
        FindingsUpdated.FindingChange first = sort("run-1", 0, 22).get(0);
        sort("run-2", 1, 22);

        List<FindingsUpdated.FindingChange> again = sort("run-1", 0, 22);

        assertThat(again).containsExactly(first);
        FindingRecord stored = store.byId(first.findingId()).block(TIMEOUT);
        assertThat(stored.occurrences()).isEqualTo(2);
        assertThat(stored.history()).extracting(FindingRecord.HistoryEntry::runId).containsExactly("run-1", "run-2");
    }

    @Test
    void givenAnEndWhoseResolutionALaterRunFiled_whenItIsDeliveredAgain_thenItAnswersTheResolutionAndChangesNothing() {
        String http = sort("run-1", 0, 22, 80).get(1).findingId();
        end("run-1", 0, 22, 80);
        sort("run-2", 1, 22);
        assertThat(end("run-2", 1, 22)).containsExactly(http);
        sort("run-3", 2, 22, 80);
        FindingRecord before = store.byId(http).block(TIMEOUT);

        List<String> again = end("run-2", 1, 22);

        assertThat(again).containsExactly(http);
        FindingRecord after = store.byId(http).block(TIMEOUT);
        assertThat(after).isEqualTo(before);
        assertThat(after.history()).extracting(FindingRecord.HistoryEntry::change)
                .containsExactly("new", "resolved", "reopened");
    }

    private List<FindingsUpdated.FindingChange> sort(String runId, int minute, int... ports) {
        return sorter.sort(List.of(new FindingSorter.Sighting(runId, "wf-1", findings(ports), at(minute)))).get(0);
    }

    private List<String> end(String runId, int minute, int... ports) {
        RunRecord run = new RunRecord(runId, "wf-1", "Recon", List.of(HOST),
                Map.of("scan", new RunRecord.NodeInfo("nmap", "Port scan", List.of(HOST))),
                at(minute).minusSeconds(1), null, "running", false);
        StepRecord step = new StepRecord(StepRecord.idOf(runId, "scan"), runId, "scan", runId + ":scan", 1,
                "succeeded", null, findings(ports), List.of(HOST), List.of(), at(minute));
        return resolver.apply(List.of(new RunResolver.Ended(runId, run, List.of(step), at(minute).plusSeconds(1))))
                .get(0);
    }

    private static Instant at(int minute) {
        return AT.plusSeconds(60L * minute);
    }

    private static List<Finding> findings(int... ports) {
        return java.util.Arrays.stream(ports).mapToObj(port -> new Finding("nmap-" + port, Severity.LOW,
                "Open port " + port + "/tcp", "A service answers.", "svc", port, HOST, "nmap", "tool-runner",
                Map.of("state", "open"))).toList();
    }
}
