package io.reconcraft.toolrunner.sandbox;

import io.reconcraft.toolrunner.config.ToolRunnerProperties;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The labels on every tool container: which run and step it serves, and which runner process
 * started it, so that leftovers of a crashed runner can be told from containers still in use.
 */
@Component
public class ContainerLabels {

    public static final String MANAGED = "reconcraft.managed";
    public static final String RUN_ID = "reconcraft.run-id";
    public static final String STEP_ID = "reconcraft.step-id";
    public static final String TOOL = "reconcraft.tool";
    public static final String WORKER = "reconcraft.worker";
    public static final String RUNNER_HOST = "reconcraft.runner-host";
    public static final String RUNNER_PID = "reconcraft.runner-pid";

    private final String worker;
    private final String host;
    private final long pid;

    @Autowired
    public ContainerLabels(ToolRunnerProperties properties) {
        this(properties.workerId(), localHostName(), ProcessHandle.current().pid());
    }

    ContainerLabels(String worker, String host, long pid) {
        this.worker = worker;
        this.host = host;
        this.pid = pid;
    }

    public Map<String, String> forRun(SandboxInvocation invocation) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED, "true");
        labels.put(RUN_ID, String.valueOf(invocation.runId()));
        labels.put(STEP_ID, String.valueOf(invocation.stepId()));
        labels.put(TOOL, invocation.tool());
        labels.put(WORKER, worker);
        labels.put(RUNNER_HOST, host);
        labels.put(RUNNER_PID, String.valueOf(pid));
        return labels;
    }

    /**
     * A managed container is a leftover when another process of this runner started it: one with
     * the same (stable) worker id, or one on this host whose process is gone. Containers of other
     * live runners sharing the engine are left alone, and so are this process's own.
     */
    public boolean isLeftover(Map<String, String> labels) {
        if (labels == null || !"true".equals(labels.get(MANAGED))) {
            return false;
        }
        long owner = parsePid(labels.get(RUNNER_PID));
        if (host.equals(labels.get(RUNNER_HOST)) && owner == pid) {
            return false;
        }
        if (worker.equals(labels.get(WORKER))) {
            return true;
        }
        return host.equals(labels.get(RUNNER_HOST)) && (owner < 0 || ProcessHandle.of(owner).isEmpty());
    }

    private static long parsePid(String text) {
        try {
            return text == null ? -1 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
