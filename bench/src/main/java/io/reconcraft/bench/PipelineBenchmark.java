package io.reconcraft.bench;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * End-to-end demo runs (start → nmap → http-probe) through a fresh local stack: every service, event, read model,
 * SSE journal and audit record, only the tools' execution canned. Compared with the raw Kafka produce→consume round
 * trip of the same broker measured in the same run. Figures are printed as markdown; nothing is asserted.
 *
 * <p>Usage: {@code java -jar bench/target/bench.jar [runs=2000] [clients=32] [seconds=30] [history=0] [kafka=500] [processes=0] [backlog=0] [warmup=4000] [fanout=1000]}
 * (or {@code ./reconcraft bench ...}); {@code soak=MINUTES} instead warms up and then only runs the soak (after
 * seeding {@code history} runs, if given).
 */
public final class PipelineBenchmark {

    private static final int WARM_UP_CHUNK = 500;
    private static final int WARM_UP_CLOSED_SECONDS = 10;
    /** The rate at which the issue asks for the p99 (≤ 1 s at 50 runs/s). */
    private static final int PACED_RUNS_PER_SECOND = 50;
    /** How long a phase waits for the consumers to catch up with the runs before it (they take seconds at most). */
    private static final long CATCH_UP_MILLIS = 120_000;

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = options(args);
        int runs = options.getOrDefault("runs", 2000);
        int clients = options.getOrDefault("clients", 32);
        int seconds = options.getOrDefault("seconds", 30);
        int history = options.getOrDefault("history", 0);
        int kafkaSamples = options.getOrDefault("kafka", 500);
        boolean processes = options.getOrDefault("processes", 0) != 0;
        int backlog = options.getOrDefault("backlog", 0);
        int warmup = options.getOrDefault("warmup", 4000);
        int fanOut = options.getOrDefault("fanout", 1000);
        int soakMinutes = options.getOrDefault("soak", 0);
        Path repo = Path.of(System.getProperty("reconcraft.repo", ".")).toAbsolutePath().normalize();

        System.out.println("starting a local stack on free ports…");
        try (StackProcess stack = StackProcess.start(repo, processes);
             MongoCommands commands = new MongoCommands(stack.mongoUri);
             ConsumerLag lag = new ConsumerLag(stack.kafkaBootstrap)) {
            Report report = new Report(Runtime.version().feature());
            CpuMeter cpu = new CpuMeter(stack.process);
            Percentiles kafka = KafkaRoundTrip.measure(stack.kafkaBootstrap, kafkaSamples);
            report.kafka(kafka);
            DemoRuns demo = new DemoRuns(stack.apiUrl, stack.adminKey);
            String workflowId = demo.createWorkflow();
            System.out.println("warming up…");
            warmUp(report, demo, cpu, workflowId, warmup, clients);
            lag.awaitCaughtUp(CATCH_UP_MILLIS);
            String sampleRun = demo.start(workflowId);
            demo.openLoop(workflowId, 50);
            String lone = demo.start(workflowId);
            demo.awaitEnd(lone);
            demo.runFollowingEvents(workflowId, 20); // the event stream's code is compiled before it is timed
            Percentiles warm = KafkaRoundTrip.measure(stack.kafkaBootstrap, Math.max(kafkaSamples, 500));
            report.kafkaWarm(warm);
            System.out.printf(Locale.ROOT, "raw Kafka round trip on the warmed-up idle stack: p50 %.1f ms%n", warm.at(50));
            report.timeline("one run on an idle stack", RunTimeline.of(stack.kafkaBootstrap, lone));

            if (soakMinutes > 0) {
                if (history > 0) {
                    seed(stack, demo, workflowId, sampleRun, history, clients);
                }
                soak(report, demo, cpu, lag, stack, workflowId, soakMinutes);
                report.print(InetAddress.getLocalHost().getHostName(), LocalDate.now());
                return;
            }
            measure(report, demo, cpu, commands, lag, stack, workflowId, runs, clients, seconds, fanOut, "empty store");
            if (history > 0) {
                seed(stack, demo, workflowId, sampleRun, history, clients);
                measure(report, demo, cpu, commands, lag, stack, workflowId, runs, clients, seconds, fanOut,
                        String.format(Locale.ROOT, "%,d runs stored", history));
            }
            if (backlog > 0) {
                System.out.printf(Locale.ROOT, "queueing %,d runs, then one from another submitter…%n", backlog);
                DemoRuns.Backlog behind = demo.newRunBehind(workflowId, backlog);
                report.backlog(behind);
                report.timeline("the new run behind the backlog", RunTimeline.of(stack.kafkaBootstrap, behind.runId()));
            }
            report.print(InetAddress.getLocalHost().getHostName(), LocalDate.now());
        }
    }

    /**
     * Until {@code runs} are done, in whole rounds, the three loads measured afterwards in turn — an open loop of 500
     * runs, then {@code clients} clients polling their runs, then {@code clients} clients following their event
     * streams, each closed loop for {@link #WARM_UP_CLOSED_SECONDS} — each with its throughput, CPU per run and the
     * shares of that CPU the JIT compilers and the garbage collector took: how far the stack still is from its
     * compiled speed when the figures are taken. A load the warm-up leaves out has its code compiled during its first measured phase
     * (the reads at 320/s and the 32 event streams of the closed loops: bench/RESULTS.md, 2026-12-05 seventh session).
     */
    private static void warmUp(Report report, DemoRuns demo, CpuMeter cpu, String workflowId, int runs, int clients)
            throws Exception {
        WarmUpLoad[] loads = WarmUpLoad.values();
        // whole rounds of the three, so that each load's code has been run as often as the others'
        for (int done = 0, turn = 0; done < runs || turn % loads.length != 0; turn++) {
            CpuMeter.Mark before = cpu.mark();
            WarmUpLoad load = loads[turn % loads.length];
            DemoRuns.Result result = load.run(demo, workflowId, Math.min(WARM_UP_CHUNK, runs - done), clients);
            report.warmUp(done, load.label(clients), result, cpu.since(before));
            done += result.runs();
        }
    }

    private static void seed(StackProcess stack, DemoRuns demo, String workflowId, String sampleRun, int history,
            int clients) throws Exception {
        System.out.printf(Locale.ROOT, "seeding %,d runs of history…%n", history);
        History.seed(stack.mongoUri, sampleRun, history);
        settle(demo, workflowId, clients);
    }

    /**
     * One round of each warm-up load after the history is seeded, not measured: the seeding's minute of bulk inserts
     * leaves the stack's hot paths to be compiled again (C2 at a fifth of a core and 53 ms of CPU a run in the first
     * paced phase after it, 35 ms five phases later: bench/RESULTS.md, 2026-12-07), which a stack that gathers its
     * history run by run never pays — the history phases measure the stack as warm as the empty store's.
     */
    private static void settle(DemoRuns demo, String workflowId, int clients) throws Exception {
        System.out.println("settling after the seeding (one round of each warm-up load, not measured)…");
        for (WarmUpLoad load : WarmUpLoad.values()) {
            load.run(demo, workflowId, WARM_UP_CHUNK, clients);
        }
        demo.pacedFollowingEvents(workflowId, PACED_RUNS_PER_SECOND, WARM_UP_CLOSED_SECONDS);
    }

    private enum WarmUpLoad {
        OPEN_LOOP, POLLING, EVENT_STREAMS;

        String label(int clients) {
            return switch (this) {
                case OPEN_LOOP -> "open loop";
                case POLLING -> clients + " clients, 100 ms polls";
                case EVENT_STREAMS -> clients + " clients by event stream";
            };
        }

        /** The load once: an open loop of {@code runs}, or a closed loop of {@code clients} for its seconds. */
        DemoRuns.Result run(DemoRuns demo, String workflowId, int runs, int clients) throws Exception {
            return switch (this) {
                case OPEN_LOOP -> demo.openLoop(workflowId, runs);
                case POLLING -> demo.closedLoop(workflowId, clients, WARM_UP_CLOSED_SECONDS, 100);
                case EVENT_STREAMS -> demo.closedLoopFollowingEvents(workflowId, clients, WARM_UP_CLOSED_SECONDS,
                        new ConcurrentHashMap<>());
            };
        }
    }

    private static void measure(Report report, DemoRuns demo, CpuMeter cpu, MongoCommands commands, ConsumerLag lag,
            StackProcess stack, String workflowId, int runs, int clients, int seconds, int fanOut, String store)
            throws Exception {
        System.out.println("measuring with " + store + "…");
        lag.awaitCaughtUp(CATCH_UP_MILLIS);
        DemoRuns.Result sequential = demo.run(workflowId, 50, 1);
        report.row("1 client, one run at a time (" + store + ")", sequential);
        CpuMeter.Mark beforeFollowed = cpu.mark();
        Map<String, List<RunTimeline.Entry>> seen = new HashMap<>();
        HandOverTimes handOverTimes = new HandOverTimes(stack.servicePorts.get("run-orchestrator"));
        Map<Double, Double> handOversBefore = handOverTimes.read();
        DemoRuns.Result followed = demo.runFollowingEvents(workflowId, 50, seen);
        double ownPart = HandOverTimes.medianMillis(handOversBefore, handOverTimes.read());
        report.row("1 client, one run at a time, followed by its event stream (" + store + ")", followed);
        RunTimeline.Typical typical = RunTimeline.typical(stack.kafkaBootstrap, seen);
        report.typicalTimeline("a run followed by its event stream (" + store + ")", typical.rows());
        report.handOvers("1 client by event stream, " + store, typical, ownPart);
        report.cpu(store + ", 1 client by event stream", cpu.since(beforeFollowed),
                followed.runs());
        report.commits(store + ", 1 client by event stream", ConsumerCommits.latencies(stack.servicePorts));

        CpuMeter.Mark before = cpu.mark();
        Map<String, Long> commandsBefore = commands.read();
        Map<String, Long> examinedBefore = commands.examined();
        Map<String, Long> writtenBefore = commands.written();
        Map<String, Double> commitsBefore = ConsumerCommits.counts(stack.servicePorts);
        DemoRuns.Result open = demo.openLoop(workflowId, runs);
        CpuMeter.Used used = cpu.since(before);
        report.commits(store + ", open loop", ConsumerCommits.latencies(stack.servicePorts));
        report.commitCounts(store + ", open loop", ConsumerCommits.difference(commitsBefore,
                ConsumerCommits.counts(stack.servicePorts)), open.runs());
        // the runs have ended; the findings, alerts and audit records they caused may still be on their way
        ConsumerLag.CatchUp caughtUp = lag.awaitCaughtUp(CATCH_UP_MILLIS);
        CpuMeter.Used usedUntilCaughtUp = cpu.since(before);
        report.commands(store, MongoCommands.difference(commandsBefore, commands.read()), open.runs());
        report.examined(store, MongoCommands.difference(examinedBefore, commands.examined()), open.runs());
        report.written(store, MongoCommands.difference(writtenBefore, commands.written()), open.runs());
        report.row(String.format(Locale.ROOT, "open loop: %,d runs posted at once (%s)", runs, store), open);
        report.cpu(store, used, open.runs());
        report.cpu(String.format(Locale.ROOT, "%s, until every consumer caught up (%,d ms after the last run ended;"
                + " records behind then: %s)", store, caughtUp.millis(), caughtUp.behind()), usedUntilCaughtUp,
                open.runs());

        closedLoop(report, cpu, commands, stack, store + ", " + clients + " clients polling",
                clients + " clients, 100 ms polls (" + store + ")",
                "a run of " + clients + " clients polling every 100 ms (" + store + ")",
                moments -> demo.closedLoop(workflowId, clients, seconds, 100, moments));
        lag.awaitCaughtUp(CATCH_UP_MILLIS);
        closedLoop(report, cpu, commands, stack, store + ", " + clients + " clients by event stream",
                clients + " clients, each following its run's event stream (" + store + ")",
                "a run of " + clients + " clients following their event streams (" + store + ")",
                moments -> demo.closedLoopFollowingEvents(workflowId, clients, seconds, moments));

        lag.awaitCaughtUp(CATCH_UP_MILLIS);
        CpuMeter.Mark beforePaced = cpu.mark();
        DemoRuns.Result paced = demo.pacedFollowingEvents(workflowId, PACED_RUNS_PER_SECOND, seconds);
        report.row(String.format(Locale.ROOT, "%d runs/s started for %d s, each followed by its event stream (%s)",
                PACED_RUNS_PER_SECOND, seconds, store), paced);
        report.cpu(String.format(Locale.ROOT, "%s, %d runs/s started", store, PACED_RUNS_PER_SECOND),
                cpu.since(beforePaced), paced.runs());

        String runId = demo.start(workflowId);
        report.read("GET /api/runs/{id} at 500/s (" + store + ")", demo.reads("/runs/" + runId, 2500, 500));
        report.read("GET /api/runs?limit=50 (" + store + ")", demo.reads("/runs?limit=50", 200, 20));

        if (fanOut > 0) {
            wideRun(report, demo, cpu, lag, fanOut, store);
        }

        String reportWorkflowId = demo.createReportWorkflow();
        demo.run(reportWorkflowId, 10, 1); // warms the report writer (templates, PDF-free formats)
        report.row("1 client, one run at a time, + report node (" + store + ")", demo.run(reportWorkflowId, 20, 1));
        CpuMeter.Mark beforeReports = cpu.mark();
        int reportRuns = Math.max(50, runs / 4);
        lag.awaitCaughtUp(CATCH_UP_MILLIS);
        DemoRuns.Result reportOpen = demo.openLoop(reportWorkflowId, reportRuns);
        report.row(String.format(Locale.ROOT, "open loop: %,d runs + report node posted at once (%s)", reportRuns,
                store), reportOpen);
        report.cpu(store + ", + report node", cpu.since(beforeReports), reportOpen.runs());
    }

    /**
     * The "sustained": {@link #PACED_RUNS_PER_SECOND} runs a second for {@code minutes}, each followed by its
     * event stream, with a row a minute — its latency, CPU per run, the heap and the runs stored by then — so that
     * what a short phase cannot show (history gathered run by run, the heap filling, the collector's marking cycles,
     * anything that piles up) shows as a trend. Each minute is one paced phase; the next starts when the last run of
     * the one before has ended (a gap of one run's latency).
     */
    private static void soak(Report report, DemoRuns demo, CpuMeter cpu, ConsumerLag lag, StackProcess stack,
            String workflowId, int minutes) throws Exception {
        System.out.printf(Locale.ROOT, "soaking: %d runs/s for %d minutes…%n", PACED_RUNS_PER_SECOND, minutes);
        lag.awaitCaughtUp(CATCH_UP_MILLIS);
        int gateway = stack.servicePorts.get("api-gateway");
        for (int minute = 1; minute <= minutes; minute++) {
            CpuMeter.Mark before = cpu.mark();
            DemoRuns.Paced paced = demo.paced(workflowId, PACED_RUNS_PER_SECOND, 60);
            report.soakMinute(minute, demo.finishedRuns(), paced, cpu.since(before), HeapReading.of(gateway));
        }
    }

    /**
     * Two runs of 1 → {@code width} → 1, one after the other, each followed by its event stream with the CPU it took,
     * after one of 1 → 100 → 1 (so that the code of a wide run's large documents is not compiled while it is timed):
     * the first of its width since the stack started, which still has the JIT compile what only so wide a run reaches
     * (a quarter of its CPU, 2026-12-06), and the next, as a wide run finds a stack that has run one before.
     */
    private static void wideRun(Report report, DemoRuns demo, CpuMeter cpu, ConsumerLag lag, int width, String store)
            throws Exception {
        demo.runFollowingEvents(demo.createFanOutWorkflow(Math.min(width, 100)), 1);
        String wide = demo.createFanOutWorkflow(width);
        for (String which : List.of("the first", "the next")) {
            lag.awaitCaughtUp(CATCH_UP_MILLIS);
            CpuMeter.Mark before = cpu.mark();
            DemoRuns.Result run = demo.runFollowingEvents(wide, 1);
            report.row(String.format(Locale.ROOT, "1 → %,d → 1, %s run followed by its event stream (%s)", width,
                    which, store), run);
            report.cpu(String.format(Locale.ROOT, "%s, 1 → %,d → 1, %s", store, width, which), cpu.since(before),
                    run.runs());
        }
    }

    /** One closed loop: its runs, CPU, MongoDB commands and examined documents per run, and its typical run. */
    private static void closedLoop(Report report, CpuMeter cpu, MongoCommands commands, StackProcess stack,
            String phase, String row, String timeline, ClosedLoop loop) throws Exception {
        Map<String, List<RunTimeline.Entry>> seen = new ConcurrentHashMap<>();
        CpuMeter.Mark before = cpu.mark();
        Map<String, Long> commandsBefore = commands.read();
        Map<String, Long> examinedBefore = commands.examined();
        HandOverTimes handOverTimes = new HandOverTimes(stack.servicePorts.get("run-orchestrator"));
        Map<Double, Double> handOversBefore = handOverTimes.read();
        DemoRuns.Result closed = loop.run(seen);
        double ownPart = HandOverTimes.medianMillis(handOversBefore, handOverTimes.read());
        report.cpu(phase, cpu.since(before), closed.runs());
        report.commands(phase, MongoCommands.difference(commandsBefore, commands.read()), closed.runs());
        report.examined(phase, MongoCommands.difference(examinedBefore, commands.examined()), closed.runs());
        report.row(row, closed);
        RunTimeline.Typical typical = RunTimeline.typical(stack.kafkaBootstrap, seen);
        report.typicalTimeline(timeline, typical.rows());
        report.handOvers(phase, typical, ownPart);
    }

    private interface ClosedLoop {
        DemoRuns.Result run(Map<String, List<RunTimeline.Entry>> seen) throws Exception;
    }

    private static Map<String, Integer> options(String[] args) {
        Map<String, Integer> options = new HashMap<>();
        for (String arg : args) {
            String[] parts = arg.split("=", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("expected name=value, got " + arg);
            }
            options.put(parts[0], Integer.parseInt(parts[1].replace("_", "")));
        }
        return options;
    }
}
