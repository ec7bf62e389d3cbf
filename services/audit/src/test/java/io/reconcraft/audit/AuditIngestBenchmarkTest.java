package io.reconcraft.audit;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.reconcraft.audit.chain.ChainVerification;
import io.reconcraft.audit.support.AuditServiceTest;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.StepLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Audit ingest rate (events chained and persisted per second) against the produce rate of the same events
 * in the same run. Figures are printed, not asserted. Excluded from the default build; see BENCHMARK.md.
 */
@Tag("benchmark")
class AuditIngestBenchmarkTest extends AuditServiceTest {

    private static final int RUNS = 50;
    private static final int EVENTS_PER_RUN = 40;

    @Autowired
    MeterRegistry meters;

    @Test
    void measureIngestRateAgainstProduceRate() throws Exception {
        warmUp();
        List<EventEnvelope> events = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            String runId = newRunId();
            for (int i = 0; i < EVENTS_PER_RUN; i++) {
                events.add(EventEnvelope.of(runId, new StepLog(runId + ":nmap", "nmap", 1,
                        List.of("Discovered open port " + (1000 + i) + "/tcp on 127.0.0.1", "line " + i))));
            }
        }
        double storedBefore = stored();

        long start = System.nanoTime();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        events.forEach(event -> acks.add(producer().publishAsync(event)));
        for (Future<RecordMetadata> ack : acks) {
            ack.get();
        }
        long produced = System.nanoTime();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> stored() >= storedBefore + events.size());
        long ingested = System.nanoTime();
        ChainVerification verification = verify();
        long verified = System.nanoTime();

        int n = events.size();
        System.out.printf(Locale.ROOT, "%nAUDIT BENCHMARK: %d events (%d runs x %d), 3 listener threads%n", n, RUNS, EVENTS_PER_RUN);
        System.out.printf(Locale.ROOT, "  produce rate : %8.0f events/s (%d ms until every ack)%n", rate(n, start, produced),
                millis(start, produced));
        System.out.printf(Locale.ROOT, "  ingest rate  : %8.0f events/s (%d ms from first send until all persisted)%n",
                rate(n, start, ingested), millis(start, ingested));
        System.out.printf(Locale.ROOT, "  verify       : %8.0f records/s (%d records in %d ms, valid=%s)%n%n",
                rate(verification.checked(), ingested, verified), verification.checked(), millis(ingested, verified),
                verification.valid());
    }

    private void warmUp() {
        String runId = newRunId();
        for (int i = 0; i < 50; i++) {
            producer().publish(EventEnvelope.of(runId, new StepLog(runId + ":warm", "warm", 1, List.of("warm-up " + i))));
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> count(runId) == 50);
    }

    private double stored() {
        return meters.counter("reconcraft.audit.stored").count();
    }

    private static double rate(long count, long fromNanos, long toNanos) {
        return count / ((toNanos - fromNanos) / 1e9);
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }
}
