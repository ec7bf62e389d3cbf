package io.reconcraft.orchestrator.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.WorkflowEdge;
import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.events.model.WorkflowSnapshot;
import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.orchestrator.store.StepDocument;
import io.reconcraft.workflow.WorkflowGraph;
import io.reconcraft.workflow.WorkflowValidator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The planner on random DAGs (up to 30 nodes, random forward edges), with simulated executors that end
 * running steps in a random order: every node runs exactly once and only after all of its parents
 * succeeded; with random failures every node still ends exactly once and nothing runs behind a failure;
 * and a graph with a back edge is never accepted.
 */
class RunPlannerProperties {

    private static final List<String> KINDS = List.of("start", "nmap", "http-probe", "parser", "gitleaks", "report",
            "slack", "discord", "delay");

    @Property(tries = 300)
    void everyNodeRunsExactlyOnceAndOnlyAfterAllItsParents(@ForAll("dags") WorkflowSnapshot dag, @ForAll Random order) {
        WorkflowGraph graph = WorkflowGraph.of(dag);
        List<String> ran = simulate(graph, queued(dag), order, 0.0);

        assertThat(ran).hasSize(dag.nodes().size()).doesNotHaveDuplicates();
    }

    @Property(tries = 300)
    void withRandomFailuresEveryNodeEndsOnceAndNothingRunsBehindAFailure(@ForAll("dags") WorkflowSnapshot dag,
                                                                         @ForAll Random order) {
        WorkflowGraph graph = WorkflowGraph.of(dag);
        Map<String, StepDocument> steps = queued(dag);

        List<String> ran = simulate(graph, steps, order, 0.3);

        assertThat(ran).doesNotHaveDuplicates();
        assertThat(steps.values()).allSatisfy(step -> assertThat(step.isTerminal()).isTrue());
        for (String nodeId : steps.keySet()) {
            boolean parentFailed = graph.parents(nodeId).stream()
                    .anyMatch(parent -> steps.get(parent).runStatus() == RunStatus.FAILED);
            assertThat(ran.contains(nodeId)).as("%s ran", nodeId).isEqualTo(!parentFailed);
            if (parentFailed) {
                assertThat(steps.get(nodeId).outcome()).isEqualTo(StepOutcome.UPSTREAM_FAILED.wire());
            }
        }
    }

    @Property(tries = 300)
    void aGraphWithABackEdgeIsNeverAccepted(@ForAll("dags") WorkflowSnapshot dag, @ForAll Random random) {
        int size = dag.nodes().size();
        if (size < 2) {
            return;
        }
        int from = random.nextInt(size - 1);
        int to = from + 1 + random.nextInt(size - from - 1);
        List<WorkflowEdge> edges = new ArrayList<>(dag.edges());
        edges.add(edge("n" + from, "n" + to));
        edges.add(edge("n" + to, "n" + from));
        WorkflowSnapshot cyclic = new WorkflowSnapshot(dag.id(), dag.name(), dag.nodes(), edges);

        assertThat(WorkflowShape.problem(cyclic)).hasValueSatisfying(reason -> assertThat(reason).contains("cycle"));
        assertThat(WorkflowValidator.validate(cyclic)).anySatisfy(problem -> assertThat(problem.field()).isEqualTo("edges"));
        assertThatThrownBy(() -> RunPlanner.decide(WorkflowGraph.of(cyclic), queued(cyclic)))
                .isInstanceOf(WorkflowGraph.CycleException.class);
    }

    /** Plans, starts what the planner says, and ends one running step at a time in random order; returns what ran. */
    private static List<String> simulate(WorkflowGraph graph, Map<String, StepDocument> steps, Random order,
                                         double failureRate) {
        List<String> ran = new ArrayList<>();
        Set<String> running = new HashSet<>();
        while (true) {
            List<Decision> decisions = RunPlanner.decide(graph, steps);
            for (Decision decision : decisions) {
                String id = decision.nodeId();
                assertThat(steps.get(id).runStatus()).isEqualTo(RunStatus.QUEUED);
                switch (decision.action()) {
                    case RUN -> {
                        assertThat(graph.parents(id)).allSatisfy(parent ->
                                assertThat(steps.get(parent).runStatus()).isEqualTo(RunStatus.SUCCEEDED));
                        steps.put(id, with(steps.get(id), RunStatus.RUNNING, null));
                        running.add(id);
                        ran.add(id);
                    }
                    case FAIL_UPSTREAM -> steps.put(id, with(steps.get(id), RunStatus.FAILED, StepOutcome.UPSTREAM_FAILED.wire()));
                    case SKIP -> throw new AssertionError("nothing is skipped without conditions: " + id);
                }
            }
            if (running.isEmpty() && !decisions.isEmpty()) {
                continue; // like the advancer: plan again after every change
            }
            if (running.isEmpty()) {
                assertThat(steps.values()).allSatisfy(step -> assertThat(step.isTerminal()).isTrue());
                return ran;
            }
            List<String> candidates = running.stream().sorted().toList();
            String done = candidates.get(order.nextInt(candidates.size()));
            running.remove(done);
            boolean fails = order.nextDouble() < failureRate;
            steps.put(done, with(steps.get(done), fails ? RunStatus.FAILED : RunStatus.SUCCEEDED, fails ? "error" : null));
        }
    }

    @Provide
    Arbitrary<WorkflowSnapshot> dags() {
        return Arbitraries.integers().between(1, 30).flatMap(size -> Combinators.combine(
                Arbitraries.of(KINDS).list().ofSize(size),
                Arbitraries.integers().between(0, size - 1).tuple2().list().ofMaxSize(size * 3)
        ).as((kinds, pairs) -> {
            List<WorkflowNode> nodes = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                nodes.add(new WorkflowNode("n" + i, kinds.get(i), "N" + i, "recon", Map.of(), null));
            }
            Set<String> seen = new HashSet<>();
            List<WorkflowEdge> edges = new ArrayList<>();
            pairs.forEach(pair -> {
                int from = Math.min(pair.get1(), pair.get2());
                int to = Math.max(pair.get1(), pair.get2());
                if (from != to && seen.add(from + ">" + to)) {
                    edges.add(edge("n" + from, "n" + to));
                }
            });
            return new WorkflowSnapshot("wf", "random", nodes, edges);
        }));
    }

    private static WorkflowEdge edge(String source, String target) {
        return new WorkflowEdge(source + "-" + target, source, target, null, null, null, "default");
    }

    private static Map<String, StepDocument> queued(WorkflowSnapshot workflow) {
        Map<String, StepDocument> steps = new LinkedHashMap<>();
        workflow.nodes().forEach(n -> steps.put(n.id(), StepDocument.queued(n.id(), n.kind(), n.displayName())));
        return steps;
    }

    private static StepDocument with(StepDocument step, RunStatus status, String outcome) {
        return new StepDocument(step.nodeId(), step.kind(), step.name(), status.wireName(), outcome, step.attempt(),
                null, null, null, null, null, "[]", "{}", null, List.of());
    }
}
