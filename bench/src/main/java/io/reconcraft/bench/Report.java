package io.reconcraft.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Collects the benchmark's figures and prints them as markdown tables. */
final class Report {

    private final int javaVersion;
    private final List<String> runRows = new ArrayList<>();
    private final List<String> readRows = new ArrayList<>();
    private final List<String> cpuRows = new ArrayList<>();
    private final List<String> backlogRows = new ArrayList<>();
    private final List<String> timelineRows = new ArrayList<>();
    private final List<String> commandRows = new ArrayList<>();
    private final List<String> warmUpRows = new ArrayList<>();
    private final List<String> commitRows = new ArrayList<>();
    private final List<String> commitCountRows = new ArrayList<>();
    private final List<String> handOverRows = new ArrayList<>();
    private final List<String> soakRows = new ArrayList<>();
    private Percentiles kafka;
    private Percentiles kafkaWarm;

    Report(int javaVersion) {
        this.javaVersion = javaVersion;
    }

    /** The round trip on the freshly started stack, still compiling its code. */
    void kafka(Percentiles kafka) {
        this.kafka = kafka;
    }

    /** The round trip on the warmed-up, idle stack: the floor the pipeline's hops are compared with. */
    void kafkaWarm(Percentiles kafkaWarm) {
        this.kafkaWarm = kafkaWarm;
    }

    void row(String name, DemoRuns.Result result) {
        String latency = result.latency().sortedMillis().isEmpty() ? "| — | — | — "
                : String.format(Locale.ROOT, "| %.1f ms | %.1f ms | %.1f ms ", result.latency().at(50),
                        result.latency().at(95), result.latency().at(99));
        String line = String.format(Locale.ROOT, "| %s | %d | %.1f %s| %d |", name, result.runs(),
                result.runsPerSecond(), latency, result.failed());
        runRows.add(line);
        System.out.println(line);
    }

    /** One load of the warm-up: how fast the stack is after {@code before} runs, and what compiling costs. */
    void warmUp(int before, String load, DemoRuns.Result result, CpuMeter.Used used) {
        double cpuSeconds = used.total();
        String line = String.format(Locale.ROOT, "| %,d–%,d | %s | %.1f | %.1f ms | %.0f %% | %.0f %% |", before,
                before + result.runs(), load, result.runsPerSecond(), cpuSeconds * 1000 / result.runs(),
                share(used.compilers(), cpuSeconds), share(used.collectors(), cpuSeconds));
        warmUpRows.add(line);
        System.out.println(line);
    }

    private static double share(double part, double whole) {
        return whole > 0 ? 100 * part / whole : 0;
    }

    void read(String name, Percentiles latency) {
        String line = String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms |", name, latency.at(50),
                latency.at(95), latency.at(99));
        readRows.add(line);
        System.out.println(line);
    }

    void cpu(String store, CpuMeter.Used used, int finishedRuns) {
        double total = used.total();
        List<String> rows = new ArrayList<>();
        used.byProcess().forEach((process, seconds) -> rows.add(String.format(Locale.ROOT,
                "| %s | %s | %.1f s | %.1f ms | | |", store, process, seconds, seconds * 1000 / finishedRuns)));
        rows.add(String.format(Locale.ROOT, "| %s | **all processes** | %.1f s | **%.1f ms** | %.0f %% | %.0f %% |",
                store, total, total * 1000 / finishedRuns, share(used.compilers(), total),
                share(used.collectors(), total)));
        rows.forEach(System.out::println);
        cpuRows.addAll(rows);
    }

    /** Each service's consumers' average offset-commit wait over the phase just ended (one figure per consumer). */
    void commits(String phase, Map<String, List<Double>> latencies) {
        latencies.forEach((service, averages) -> {
            String line = String.format(Locale.ROOT, "| %s | %s | %s |", phase, service, averages.stream().sorted()
                    .map(average -> String.format(Locale.ROOT, "%.1f ms", average))
                    .collect(Collectors.joining(", ")));
            commitRows.add(line);
            System.out.println(line);
        });
    }

    /** Each service's offset commits per finished run over the phase just ended, and all services' together. */
    void commitCounts(String phase, Map<String, Double> made, int finishedRuns) {
        if (made.isEmpty() || finishedRuns == 0) {
            return;
        }
        Map<String, Double> rows = new java.util.LinkedHashMap<>(made);
        rows.put("**all services**", made.values().stream().mapToDouble(Double::doubleValue).sum());
        rows.forEach((service, commits) -> {
            String line = String.format(Locale.ROOT, "| %s | %s | %.2f |", phase, service, commits / finishedRuns);
            commitCountRows.add(line);
            System.out.println(line);
        });
    }

    /** Database commands per finished run: each service's total, then the commands that make up most of it. */
    void commands(String store, Map<String, Long> used, int finishedRuns) {
        if (used.isEmpty()) {
            return;
        }
        Map<String, Long> byService = new java.util.TreeMap<>();
        used.forEach((key, count) -> byService.merge(key.split(" ")[0].replace("reconcraft-", ""), count, Long::sum));
        List<String> rows = new ArrayList<>();
        byService.forEach((service, count) -> rows.add(String.format(Locale.ROOT, "| %s | %s | all | %.1f |", store,
                service, (double) count / finishedRuns)));
        rows.add(String.format(Locale.ROOT, "| %s | **all services** | all | **%.1f** |", store,
                used.values().stream().mapToLong(Long::longValue).sum() / (double) finishedRuns));
        used.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(e -> rows.add(String.format(Locale.ROOT, "| %s | %s | %s | %.2f |", store,
                        e.getKey().split(" ")[0].replace("reconcraft-", ""),
                        e.getKey().substring(e.getKey().indexOf(' ') + 1), (double) e.getValue() / finishedRuns)));
        rows.forEach(System.out::println);
        commandRows.addAll(rows);
    }

    /** Stored documents matched one by one per finished run, by collection (the embedded server's count). */
    void examined(String store, Map<String, Long> used, int finishedRuns) {
        perCollection(store, used, finishedRuns, 8, "documents examined", "%.2f");
    }

    /** BSON bytes stored per finished run, by collection: what the store decodes, indexes and journals. */
    void written(String store, Map<String, Long> used, int finishedRuns) {
        perCollection(store, used, finishedRuns, 10, "bytes stored", "%,.0f");
    }

    /** The {@code rows} largest of {@code used} (by "<database> <collection>") per finished run, as command rows. */
    private void perCollection(String store, Map<String, Long> used, int finishedRuns, int rows, String what,
            String number) {
        used.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(rows)
                .forEach(e -> {
                    String line = String.format(Locale.ROOT, "| %s | %s | %s: %s | " + number + " |", store,
                            e.getKey().split(" ")[0].replace("reconcraft-", ""), what,
                            e.getKey().substring(e.getKey().indexOf(' ') + 1), (double) e.getValue() / finishedRuns);
                    System.out.println(line);
                    commandRows.add(line);
                });
    }

    /** One minute of the soak: its paced runs, their CPU, and the heap and stored runs at the minute's end. */
    void soakMinute(int minute, long storedRuns, DemoRuns.Paced paced, CpuMeter.Used used, HeapReading heap) {
        DemoRuns.Result result = paced.result();
        double cpuSeconds = used.total();
        int worst = paced.worstSecond();
        String line = String.format(Locale.ROOT, "| %d | %,d | %.1f | %.1f ms | %.1f ms | %.1f ms | %s (+%d s), %.0f ms | %d "
                        + "| %.1f ms | %.0f %% | %.0f %% | %.2f GB | %s | %.2f GB |", minute, storedRuns,
                result.runsPerSecond(), result.latency().at(50), result.latency().at(99), result.latency().at(100),
                LocalTime.ofInstant(Instant.ofEpochMilli(paced.startedAtMillis() + worst * 1000L), ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.SECONDS), worst, paced.meanBySecond()[worst], result.failed(),
                cpuSeconds * 1000 / result.runs(), share(used.compilers(), cpuSeconds),
                share(used.collectors(), cpuSeconds), heap.oldGenerationBytes() / 1e9,
                heap.liveData().isPresent() ? String.format(Locale.ROOT, "%.2f GB", heap.liveData().getAsDouble() / 1e9)
                        : "—", heap.maxBytes() / 1e9);
        soakRows.add(line);
        System.out.println(line);
        // every second's mean on stderr, to be laid beside other timelines (GC log, disk, the stack's logs)
        System.err.println("soak minute " + minute + " from " + Instant.ofEpochMilli(paced.startedAtMillis())
                + ", mean ms by second: " + Arrays.stream(paced.meanBySecond()).mapToObj(
                        mean -> String.format(Locale.ROOT, "%.0f", mean)).collect(Collectors.joining(" ")));
    }

    void backlog(DemoRuns.Backlog backlog) {
        String line = String.format(Locale.ROOT, "| %,d runs queued by one submitter | %.2f s | %d |",
                backlog.queued(), backlog.newRunStartedAfterSeconds(), backlog.lastQueuePosition());
        backlogRows.add(line);
        System.out.println(line);
    }

    /** One run's records on every topic (RunTimeline), printed at once and again with the report. */
    void timeline(String title, List<String> rows) {
        timelineTable("\nWhere the time of " + title + " went (its records on every topic, by append time):\n",
                "| ms after the first | gap | topic | event | step |", rows);
    }

    /**
     * A tool step's hand-overs in the typical run of a phase, against the warm round trip: the orchestrator's (the nmap
     * step's StepCompleted appended → the probe step's StepRequested appended: read, its run updated, the next step
     * requested) and the tool-runner's (that StepRequested → the probe step's StepStarted: read, claimed, announced).
     * Each spans about one round trip of Kafka besides the service's own work; {@code orchestratorsOwnPart} is the
     * orchestrator's without that hop, from its histogram ({@link HandOverTimes}).
     */
    void handOvers(String phase, RunTimeline.Typical typical, double orchestratorsOwnPart) {
        double orchestrator = typical.medianGap("StepCompleted|nmap", "StepRequested|probe");
        double toolRunner = typical.medianGap("StepRequested|probe", "StepStarted|probe");
        double roundTrip = kafkaWarm.at(50);
        handOverRows.add(String.format(Locale.ROOT, "| %s | %.1f ms (%.1f×) | %.2f ms (%.1f×) | %.1f ms (%.1f×) |",
                phase, orchestrator, orchestrator / roundTrip, orchestratorsOwnPart, orchestratorsOwnPart / roundTrip,
                toolRunner, toolRunner / roundTrip));
    }

    /** The typical run of many (RunTimeline.typical), printed at once and again with the report. */
    void typicalTimeline(String title, List<String> rows) {
        timelineTable("\nWhere the time of " + title + " went (medians over the runs: each record's time after its "
                + "run's first, and each run's gap to the row above):\n",
                "| ms after the first | gap | topic | event | node | runs |", rows);
    }

    private void timelineTable(String heading, String columns, List<String> rows) {
        List<String> table = new ArrayList<>();
        table.add(heading);
        table.add(columns);
        table.add(columns.replaceAll("[^|]+", "---"));
        table.addAll(rows);
        table.forEach(System.out::println);
        timelineRows.addAll(table);
    }

    void print(String host, LocalDate date) {
        System.out.printf(Locale.ROOT, "%n## Pipeline benchmark — %s on %s (%d cores, Java %d, %s)%n%n", date, host,
                Runtime.getRuntime().availableProcessors(), javaVersion, LauncherOptions.fromEnvironment());
        System.out.println("Demo runs of start → nmap → http-probe, timed from POST /api/runs to the run's final "
                + "status read back (polls every 5 ms, or 100 ms where the row says so, included), or to the end of "
                + "the run's event stream (the Studio's way: no polls).\n");
        System.out.printf(Locale.ROOT, "Baseline, raw Kafka produce→consume round trip (1 in flight) on the warmed-up "
                + "idle stack: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (right after its start, while it still compiles: "
                + "p50 %.1f ms, p95 %.1f ms)%n%n", kafkaWarm.at(50), kafkaWarm.at(95), kafkaWarm.at(99), kafka.at(50),
                kafka.at(95));
        System.out.println("| load | runs | finished runs/s | p50 | p95 | p99 | failed |");
        System.out.println("|---|---|---|---|---|---|---|");
        runRows.forEach(System.out::println);
        printSection("\nThe warm-up, the measured loads in turn on the fresh stack (the JIT compilers' share of the "
                + "stack's CPU says how much of its code is still being compiled; the collector's, what the heap "
                + "costs while it grows):\n",
                "| runs | load | finished runs/s | CPU per finished run | of it, JIT compilers | of it, garbage collector |",
                warmUpRows);
        System.out.println("\n| read | p50 | p95 | p99 |");
        System.out.println("|---|---|---|---|");
        readRows.forEach(System.out::println);
        System.out.println("\nCPU per finished run, by process, during the open-loop phases (saturated), the closed loop "
                + "and while one client followed one run at a time by its event stream (unloaded); of all of it, the JIT "
                + "compilers' and the garbage collector's share:\n");
        System.out.println("| store | process | CPU | per finished run | of it, JIT compilers | of it, garbage collector |");
        System.out.println("|---|---|---|---|---|---|");
        cpuRows.forEach(System.out::println);
        printSection("\nMongoDB commands per finished run during the open loop and the closed loop, then the stored documents each "
                + "collection matched one by one per finished run (the embedded server's counts; a query no index "
                + "narrows examines the whole collection, so these must not grow with history), and during the open loop the BSON bytes "
                + "of the document states each collection stored per finished run (what the store decodes, indexes and "
                + "journals; a rewritten document counts whole each time):\n",
                "| store | service | command | per finished run |", commandRows);
        printSection("\nOffset commits: each consumer's average wait for the broker to confirm a poll's offsets "
                + "(Kafka's client metric, over its last minute); a listener that awaits its commit polls again only "
                + "after it:\n", "| phase | service | commit latency, by consumer |", commitRows);
        printSection("\nOffset commits per finished run (Kafka's client count; each is a request the broker's group "
                + "coordinator appends to its log):\n", "| phase | service | commits per finished run |", commitCountRows);
        printSection(String.format(Locale.ROOT, "%nA tool step's hand-overs, medians over the runs of a phase "
                + "(between the broker's append times, whole milliseconds), and as multiples of the warm raw round trip "
                + "(p50 %.1f ms): the orchestrator's, from the nmap step's StepCompleted to the probe step's "
                + "StepRequested; of it, the orchestrator's own part (the nmap step's success read → the probe step's "
                + "request handed to its producer, its `reconcraft.step.handover` histogram, median "
                + "within a bucket: no Kafka hop in it); the tool-runner's, from that StepRequested to its "
                + "StepStarted:%n", kafkaWarm.at(50)),
                "| phase | orchestrator | of it the orchestrator's own part | tool-runner |", handOverRows);
        printSection("\nThe soak: runs started at a steady rate, each followed by its event stream, a row a minute "
                + "(latency from the moment each run was due to start; CPU of every process of the stack per finished run; "
                + "the heap as the gateway's gauges read it at the minute's end — the old generation's occupancy, the live "
                + "data the collector last measured, the most the heap may hold):\n",
                "| minute | runs stored | finished runs/s | p50 | p99 | max | worst second (UTC, into the minute), its mean | failed | CPU per finished run "
                        + "| of it, JIT compilers | of it, garbage collector | old generation | live data | heap max |",
                soakRows);
        printSection("\nA new run from another submitter while a backlog waits for admission:\n",
                "| backlog | new run's first tool step started after | queue position shown on the backlog's last run |",
                backlogRows);
        timelineRows.forEach(System.out::println);
    }

    /** A markdown table under its heading, if it has rows. */
    private static void printSection(String heading, String columns, List<String> rows) {
        if (rows.isEmpty()) {
            return;
        }
        System.out.println(heading);
        System.out.println(columns);
        System.out.println(columns.replaceAll("[^|]+", "---"));
        rows.forEach(System.out::println);
    }
}
