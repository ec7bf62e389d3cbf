package io.reconcraft.orchestrator.plan;

import static io.reconcraft.orchestrator.support.Workflows.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.UpstreamOutput;
import io.reconcraft.events.model.WorkflowSnapshot;
import io.reconcraft.orchestrator.store.StepDocument;
import io.reconcraft.workflow.WorkflowGraph;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpstreamCollectorTest {

    @Test
    void givenAConditionBetweenNmapAndProbe_whenCollecting_thenTheProbeAlsoReceivesNmapsOutputs() {
        WorkflowSnapshot workflow = workflow().node("nmap", "nmap").node("check", "condition").node("probe", "http-probe")
                .edge("nmap", "check").branch("check", true, "probe").build();
        Map<String, StepDocument> steps = new LinkedHashMap<>();
        steps.put("nmap", ended("nmap", "nmap", "{\"ports\":[80]}", null));
        steps.put("check", ended("check", "condition", "{\"result\":true}", true));
        steps.put("probe", StepDocument.queued("probe", "http-probe", "PROBE"));

        List<UpstreamOutput> upstream = UpstreamCollector.collect(WorkflowGraph.of(workflow), steps, "probe");

        assertThat(upstream).extracting(UpstreamOutput::nodeId).containsExactly("check", "nmap");
        assertThat(upstream.get(1).outputs()).containsEntry("ports", List.of(80));
    }

    private static StepDocument ended(String id, String kind, String outputsJson, Boolean condition) {
        return new StepDocument(id, kind, id.toUpperCase(), "succeeded", null, 1, null, null, null, null, null,
                "[]", outputsJson, condition, null);
    }
}
