package io.reconcraft.findings.sorting;

import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.Severity;
import io.reconcraft.findings.store.RunRecord;
import io.reconcraft.findings.store.StepRecord;
import io.reconcraft.testing.RealInfrastructure;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Findings kept across runs as scheduled scans of one target pile them up: each run's step sees the target's open
 * ports (all but one, a different one each run, so every run also resolves one finding and reopens another) and
 * the run ends. Prints, per window of runs, the time of the sorting ({@link FindingSorter#sort}) and of the run's
 * end ({@link RunResolver#apply}) and the CPU per run of this JVM and of the store's process. Figures are printed,
 * not asserted. Excluded from the default build; run on demand:
 * <pre>
 * mvn -o -pl services/findings -am test -Dtest=FindingHistoryBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dgroups=benchmark -DexcludedGroups=none [-Dfindings.bench.mongo=mongodb://127.0.0.1:PORT
 *     -Dfindings.bench.store-pid=PID] [-Dfindings.bench.runs=2000]
 * </pre>
 * Without {@code findings.bench.mongo} it uses the tests' in-memory server, which has no secondary indexes: point it
 * at the launcher's store (the one the local stack runs) to measure what the product does.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"spring.kafka.listener.auto-startup=false", "reconcraft.findings.report-poll-interval=1h"})
class FindingHistoryBenchmarkTest {

    private static final int RUNS = Integer.getInteger("findings.bench.runs", 2000);
    private static final int WINDOW = Integer.getInteger("findings.bench.window", 250);
    private static final int PORTS = 20;
    private static final String HOST = "bench-host.test";
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String STORE_PID = System.getProperty("findings.bench.store-pid");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry);
        String mongo = System.getProperty("findings.bench.mongo");
        if (mongo != null) {
            registry.add("spring.mongodb.uri", () -> mongo);
        }
        registry.add("spring.mongodb.database", () -> "findings-bench-" + UUID.randomUUID());
    }

    @Autowired
    private FindingSorter sorter;

    @Autowired
    private RunResolver resolver;

    @Test
    void measureSortingAndRunEndsAsHistoryGrows() throws Exception {
        System.out.printf(Locale.ROOT, "%nFINDINGS HISTORY BENCHMARK: %d runs on one target, %d findings each run, store %s%n",
                RUNS, PORTS - 1, System.getProperty("findings.bench.mongo", "in-memory (tests)"));
        System.out.println("| runs | sort p50 / mean ms | run end p50 / mean ms | this JVM CPU ms/run | store CPU ms/run |");
        System.out.println("|---|---|---|---|---|");
        long[] sortNanos = new long[WINDOW];
        long[] endNanos = new long[WINDOW];
        long cpuBefore = jvmCpuNanos();
        long storeBefore = storeCpuNanos();
        for (int run = 1; run <= RUNS; run++) {
            String runId = "run-" + run + "-" + UUID.randomUUID();
            Instant at = START.plusSeconds(60L * run);
            List<Finding> seen = portsSeenBy(run);

            long t0 = System.nanoTime();
            List<List<io.reconcraft.events.FindingsUpdated.FindingChange>> changes = sorter.sort(List.of(
                    new FindingSorter.Sighting(runId, "wf-bench", seen, at)));
            long t1 = System.nanoTime();
            resolver.apply(List.of(ended(runId, at, seen, changes.get(0))));
            long t2 = System.nanoTime();

            sortNanos[(run - 1) % WINDOW] = t1 - t0;
            endNanos[(run - 1) % WINDOW] = t2 - t1;
            if (run % WINDOW == 0) {
                long cpu = jvmCpuNanos();
                long store = storeCpuNanos();
                System.out.printf(Locale.ROOT, "| %d–%d | %.2f / %.2f | %.2f / %.2f | %.2f | %s |%n", run - WINDOW + 1, run,
                        p50(sortNanos), mean(sortNanos), p50(endNanos), mean(endNanos),
                        (cpu - cpuBefore) / 1e6 / WINDOW,
                        store < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", (store - storeBefore) / 1e6 / WINDOW));
                cpuBefore = cpu;
                storeBefore = store;
            }
        }
        System.out.println();
    }

    /** Every port but one, a different one each run. */
    private static List<Finding> portsSeenBy(int run) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < PORTS; i++) {
            if (i != run % PORTS) {
                int port = 1000 + i;
                findings.add(new Finding("nmap-" + port, Severity.LOW, "Open port " + port + "/tcp (svc)",
                        "A service answers on " + HOST + " port " + port + "/tcp.", "svc", port, HOST, "nmap",
                        "tool-runner", Map.of("address", "127.0.0.1", "state", "open")));
            }
        }
        return findings;
    }

    private static RunResolver.Ended ended(String runId, Instant at, List<Finding> seen,
                                           List<io.reconcraft.events.FindingsUpdated.FindingChange> changes) {
        RunRecord run = new RunRecord(runId, "wf-bench", "Bench", List.of(HOST),
                Map.of("scan", new RunRecord.NodeInfo("nmap", "Port scan", List.of(HOST))), at.minusSeconds(1), null,
                "running", false);
        StepRecord step = new StepRecord(StepRecord.idOf(runId, "scan"), runId, "scan", runId + ":scan", 1,
                "succeeded", null, seen, List.of(HOST), changes, at);
        return new RunResolver.Ended(runId, run, List.of(step), at.plusSeconds(1));
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** User + system CPU of the store's process from /proc, in nanoseconds; -1 when not given. */
    private static long storeCpuNanos() throws Exception {
        if (STORE_PID == null) {
            return -1;
        }
        String stat = Files.readString(Path.of("/proc", STORE_PID, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 10_000_000L; // USER_HZ 100
    }

    private static double p50(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    private static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(0) / 1e6;
    }
}
