package io.reconcraft.orchestrator.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param stepTimeouts         how long an executor may take for a step of each kind (by wire name, e.g. {@code nmap})
 * @param defaultStepTimeout   for kinds not listed in {@code stepTimeouts}
 * @param timeoutGrace         extra time after a step's timeout before the orchestrator fails it itself
 * @param delayPollInterval    how often due delay steps are looked for
 * @param timeoutSweepInterval how often steps past their deadline are looked for
 * @param maxDelay             the longest a delay node may wait
 */
@ConfigurationProperties("reconcraft.orchestrator")
public record OrchestratorProperties(
        Map<String, Duration> stepTimeouts,
        Duration defaultStepTimeout,
        Duration timeoutGrace,
        Duration delayPollInterval,
        Duration timeoutSweepInterval,
        Duration maxDelay) {

    public OrchestratorProperties {
        Map<String, Duration> timeouts = new LinkedHashMap<>(Map.of(
                "start", Duration.ofSeconds(30),
                "condition", Duration.ofSeconds(30),
                "nmap", Duration.ofMinutes(10),
                "http-probe", Duration.ofMinutes(2),
                "gitleaks", Duration.ofMinutes(10),
                "parser", Duration.ofMinutes(1),
                "report", Duration.ofMinutes(2),
                "slack", Duration.ofMinutes(2),
                "discord", Duration.ofMinutes(2)));
        if (stepTimeouts != null) {
            timeouts.putAll(stepTimeouts);
        }
        stepTimeouts = Map.copyOf(timeouts);
        defaultStepTimeout = defaultStepTimeout == null ? Duration.ofMinutes(5) : defaultStepTimeout;
        timeoutGrace = timeoutGrace == null ? Duration.ofSeconds(30) : timeoutGrace;
        delayPollInterval = delayPollInterval == null ? Duration.ofMillis(250) : delayPollInterval;
        timeoutSweepInterval = timeoutSweepInterval == null ? Duration.ofSeconds(1) : timeoutSweepInterval;
        maxDelay = maxDelay == null ? Duration.ofDays(7) : maxDelay;
    }

    public Duration timeoutOf(String kind) {
        return stepTimeouts.getOrDefault(kind, defaultStepTimeout);
    }
}
