package io.reconcraft.launcher.e2e;

import io.reconcraft.launcher.demo.SampleWorkflow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Workflow bodies for the end-to-end tests: the sample's, with nodes and edges of a test's own. */
final class E2eWorkflows {

    static final Map<String, Object> START = node("start", "start", Map.of());
    static final Map<String, Object> QUICK_NMAP =
            node("nmap", "nmap", Map.of("targets", List.of(), "profile", "quick", "flags", "-sV"));

    private E2eWorkflows() {
    }

    /** The sample workflow's body under another name, with these nodes and edges instead of its own. */
    static Map<String, Object> sampleWith(String name, List<Map<String, Object>> nodes,
            List<Map<String, Object>> edges) {
        Map<String, Object> workflow = new LinkedHashMap<>(SampleWorkflow.body());
        workflow.put("name", name);
        workflow.put("nodes", nodes);
        workflow.put("edges", edges);
        return workflow;
    }

    static Map<String, Object> node(String id, String kind, Map<String, Object> config) {
        return Map.of("id", id, "kind", kind, "label", id, "category", "recon", "config", config,
                "position", Map.of("x", 0, "y", 0));
    }

    static Map<String, Object> edge(String source, String target) {
        return Map.of("id", source + "-" + target, "source", source, "target", target);
    }
}
