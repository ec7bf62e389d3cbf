package io.reconcraft.toolrunner.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.reconcraft.events.model.NodeKind;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * How long the container engine takes from create to a running tool container, per tool: the fixed cost of
 * every sandboxed step (hundreds of milliseconds through podman's API, ENVIRONMENT.md).
 */
@Component
public class SandboxMetrics {

    static final String CONTAINER_START = "reconcraft.sandbox.container.start";
    private static final String[] TOOLS = {NodeKind.NMAP.wireName(), NodeKind.GITLEAKS.wireName()};

    private final MeterRegistry registry;

    public SandboxMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String tool : TOOLS) {
            timer(tool);
        }
    }

    public void containerStarted(String tool, Duration took) {
        timer(tool).record(took);
    }

    private Timer timer(String tool) {
        return Timer.builder(CONTAINER_START)
                .description("Time from container create to a started tool container")
                .tag("tool", tool == null ? "unknown" : tool)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry);
    }
}
