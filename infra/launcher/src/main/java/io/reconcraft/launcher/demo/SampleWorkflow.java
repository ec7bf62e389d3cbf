package io.reconcraft.launcher.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The demo workflow: start → nmap → http-probe → gitleaks, laid out left to right. */
public final class SampleWorkflow {

    public static final String NAME = "ReconCraft demo";

    private SampleWorkflow() {
    }

    public static Map<String, Object> body() {
        Map<String, Object> nmapConfig = new LinkedHashMap<>();
        nmapConfig.put("targets", List.of());
        nmapConfig.put("profile", "quick");
        nmapConfig.put("flags", "-sV");
        Map<String, Object> probeConfig = new LinkedHashMap<>();
        probeConfig.put("timeout", 5);
        probeConfig.put("followRedirects", true);
        Map<String, Object> gitleaksConfig = new LinkedHashMap<>();
        gitleaksConfig.put("repoUrl", "https://github.com/example/demo-repo");
        gitleaksConfig.put("branch", "main");

        Map<String, Object> workflow = new LinkedHashMap<>();
        workflow.put("name", NAME);
        workflow.put("authorizedTargets", false);
        workflow.put("nodes", List.of(
                node("start", "start", "Start", "utilities", Map.of(), 0),
                node("nmap", "nmap", "Nmap scan", "recon", nmapConfig, 1),
                node("http-probe", "http-probe", "HTTP probe", "recon", probeConfig, 2),
                node("gitleaks", "gitleaks", "Gitleaks", "security", gitleaksConfig, 3)));
        workflow.put("edges", List.of(
                edge("e1", "start", "nmap"),
                edge("e2", "nmap", "http-probe"),
                edge("e3", "http-probe", "gitleaks")));
        return workflow;
    }

    public static Map<String, Object> runRequest(String workflowId) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("workflowId", workflowId);
        run.put("targets", List.of("127.0.0.1"));
        run.put("runMode", "demo");
        run.put("authorizeTargets", false);
        return run;
    }

    private static Map<String, Object> node(String id, String kind, String label, String category,
                                            Map<String, Object> config, int column) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", id);
        node.put("kind", kind);
        node.put("label", label);
        node.put("category", category);
        node.put("config", config);
        node.put("position", Map.of("x", 80 + column * 260, "y", 160));
        return node;
    }

    private static Map<String, Object> edge(String id, String source, String target) {
        return Map.of("id", id, "source", source, "target", target);
    }
}
