package io.reconcraft.bench;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/**
 * End-to-end demo runs through a real local stack (gateway → orchestrator → tool-runner → gateway
 * read model), compared with the raw Kafka produce→consume round trip of the same broker measured in
 * the same run. Figures are printed as a markdown table; nothing is asserted.
 *
 * <p>Usage: {@code java -jar bench/target/bench.jar [runs] [concurrency] [kafkaSamples]}
 */
public final class PipelineBenchmark {

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int kafkaSamples = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        Path repo = Path.of(System.getProperty("reconcraft.repo", ".")).toAbsolutePath().normalize();

        System.out.println("starting a local stack on free ports…");
        try (StackProcess stack = StackProcess.start(repo)) {
            Percentiles kafka = KafkaRoundTrip.measure(stack.kafkaBootstrap, kafkaSamples);
            DemoRuns demo = new DemoRuns(stack.apiUrl, stack.adminKey);
            String workflowId = demo.createWorkflow();
            demo.run(workflowId, Math.max(5, runs / 10), concurrency); // warm-up, not reported
            DemoRuns.Result sequential = demo.run(workflowId, Math.max(10, runs / 4), 1);
            DemoRuns.Result loaded = demo.run(workflowId, runs, concurrency);
            print(kafka, sequential, loaded, concurrency);
        }
    }

    private static void print(Percentiles kafka, DemoRuns.Result sequential, DemoRuns.Result loaded, int concurrency)
            throws Exception {
        System.out.printf(Locale.ROOT, "%n## Pipeline benchmark — %s on %s (%d cores)%n%n", LocalDate.now(),
                InetAddress.getLocalHost().getHostName(), Runtime.getRuntime().availableProcessors());
        System.out.println("| measure | runs/s | p50 | p95 | p99 | failed |");
        System.out.println("|---|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| raw Kafka round trip (1 in flight) | | %.1f ms | %.1f ms | %.1f ms | |%n",
                kafka.at(50), kafka.at(95), kafka.at(99));
        row("demo run, 1 at a time", sequential);
        row("demo run, " + concurrency + " concurrent", loaded);
        System.out.printf(Locale.ROOT, "%nratio of a sequential run's p50 to one Kafka round trip's p50: %.1f×%n",
                sequential.latency().at(50) / kafka.at(50));
        System.out.println("(a 4-node demo run needs at least 11 Kafka hops: RunRequested, 3× StepRequested, "
                + "3× StepCompleted read by the orchestrator, and the events the gateway reads; latencies include "
                + "the client's " + DemoRuns.POLL_MILLIS + " ms polling interval)");
    }

    private static void row(String name, DemoRuns.Result result) {
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f ms | %.1f ms | %.1f ms | %d |%n", name,
                result.runsPerSecond(), result.latency().at(50), result.latency().at(95), result.latency().at(99),
                result.failed());
    }
}
