package io.reconcraft.orchestrator.benchmark;

import static io.reconcraft.orchestrator.support.Workflows.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.WorkflowSnapshot;
import io.reconcraft.orchestrator.support.Runs;
import io.reconcraft.orchestrator.support.Workflows;
import io.reconcraft.testing.RealInfrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Orchestration overhead on the real broker and MongoDB-wire server, the test playing an instant
 * tool-runner. Prints figures for bench/RESULTS.md; asserts only that the runs succeeded. The server is the tests'
 * in-memory mongo-java-server, not the launcher's store (documents as BSON bytes): the stack's own hand-overs are
 * printed by {@code ./reconcraft bench}. Run on demand:
 * {@code mvn -B -o -pl services/run-orchestrator test -Dtest=OrchestrationBenchmarkTest -Dgroups=benchmark -DexcludedGroups=none}
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "reconcraft.orchestrator.max-parallel-tasks-per-run=1000",
        "reconcraft.orchestrator.max-parallel-tasks=1000"})
@DirtiesContext
class OrchestrationBenchmarkTest {

    private static final int CHAIN_RUNS = 3;
    private static final int CHAIN_LENGTH = 100;
    /** The fan-out's width: {@code -Dbenchmark.width=1000} for the 1 → 1000 → 1 figure. */
    private static final int WIDTH = Integer.getInteger("benchmark.width", 100);
    /** Chains and wide graphs run before anything is measured: {@code -Dbenchmark.warmup=N}. */
    private static final int WARM_UP_ROUNDS = Integer.getInteger("benchmark.warmup", 20);
    private static InstantToolRunner toolRunner;
    private static KafkaRoundTrip roundTrip;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry);
    }

    @BeforeAll
    static void start() {
        roundTrip = new KafkaRoundTrip(RealInfrastructure.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        if (toolRunner != null) {
            toolRunner.close();
        }
        roundTrip.close();
    }

    @Test
    void givenAnInstantToolRunner_whenChainsAndAWideGraphRun_thenTheOverheadIsPrinted() throws Exception {
        toolRunner = new InstantToolRunner(RealInfrastructure.bootstrapServers());
        // Warm-up: connections, consumer assignment and the JIT — a fresh JVM makes a step cost about twice its warm time
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            runToEnd(chain(CHAIN_LENGTH));
            runToEnd(wide(WIDTH));
        }
        roundTrip.measure(50);
        toolRunner.clearSamples();

        Stats rtt = Stats.of(roundTrip.measure(300));
        List<Double> chainWall = new ArrayList<>();
        for (int i = 0; i < CHAIN_RUNS; i++) {
            chainWall.add(runToEnd(chain(CHAIN_LENGTH)));
        }
        Stats perStep = Stats.of(toolRunner.clearSamples());
        double wideWall = runToEnd(wide(WIDTH));
        double wideWall2 = runToEnd(wide(WIDTH));
        Stats rttAfter = Stats.of(roundTrip.measure(300));

        double rttMedian = (rtt.p50() + rttAfter.p50()) / 2;
        StringBuilder report = new StringBuilder("\n==== orchestration benchmark ====\n");
        report.append(line("raw Kafka round trip (before)", rtt));
        report.append(line("raw Kafka round trip (after)", rttAfter));
        report.append(line("StepCompleted sent -> next StepRequested received", perStep));
        report.append(String.format(Locale.ROOT, "orchestrator overhead per step (above p50 minus RTT p50): %.1f ms%n",
                perStep.p50() - rttMedian));
        for (double wall : chainWall) {
            report.append(String.format(Locale.ROOT, "chain of %d: %.0f ms, ideal %.0f ms (%.1fx)%n", CHAIN_LENGTH,
                    wall, CHAIN_LENGTH * rttMedian, wall / (CHAIN_LENGTH * rttMedian)));
        }
        for (double wall : List.of(wideWall, wideWall2)) {
            report.append(String.format(Locale.ROOT, "1 -> %d -> 1: %.0f ms, ideal %.0f ms (%.1fx)%n", WIDTH, wall,
                    3 * rttMedian, wall / (3 * rttMedian)));
        }
        System.out.println(report);
    }

    private static String line(String what, Stats stats) {
        return String.format(Locale.ROOT, "%s: n=%d p50 %.1f ms, p99 %.1f ms%n", what, stats.count(), stats.p50(),
                stats.p99());
    }

    private static WorkflowSnapshot chain(int length) {
        Workflows workflow = workflow();
        for (int i = 0; i < length; i++) {
            workflow.node("n" + i, "nmap");
            if (i > 0) {
                workflow.edge("n" + (i - 1), "n" + i);
            }
        }
        return workflow.build();
    }

    private static WorkflowSnapshot wide(int width) {
        Workflows workflow = workflow().node("first", "nmap").node("last", "report");
        for (int i = 0; i < width; i++) {
            workflow.node("p" + i, "nmap").edge("first", "p" + i).edge("p" + i, "last");
        }
        return workflow.build();
    }

    /** Wall time from the RunRequested sent to its RunCompleted received, in ms. */
    private static double runToEnd(WorkflowSnapshot workflow) throws Exception {
        String runId = Runs.newRunId();
        CompletableFuture<RunCompleted> done = toolRunner.completionOf(runId);
        long start = System.nanoTime();
        toolRunner.publish(EventEnvelope.of(runId, Runs.request(workflow)));
        RunCompleted completed = done.get(5, TimeUnit.MINUTES);
        double wall = (System.nanoTime() - start) / 1e6;
        assertThat(completed.status()).isEqualTo(RunStatus.SUCCEEDED);
        return wall;
    }

    record Stats(int count, double p50, double p99) {
        static Stats of(List<Double> samples) {
            List<Double> sorted = samples.stream().sorted().toList();
            return new Stats(sorted.size(), at(sorted, 0.50), at(sorted, 0.99));
        }

        private static double at(List<Double> sorted, double quantile) {
            return sorted.isEmpty() ? Double.NaN
                    : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
        }
    }

    static StepCompleted succeeded(StepRequested request) {
        return new StepCompleted(request.stepId(), request.nodeId(), request.attempt(), RunStatus.SUCCEEDED, null,
                null, List.of(), Map.of());
    }
}
