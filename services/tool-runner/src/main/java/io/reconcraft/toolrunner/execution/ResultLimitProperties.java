package io.reconcraft.toolrunner.execution;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxEventBytes the largest serialized StepCompleted envelope the tool-runner publishes (default 900 000
 *                      bytes: under Kafka's default 1 MiB request limit, with room for headers)
 */
@ConfigurationProperties("reconcraft.tool-runner.result")
public record ResultLimitProperties(Integer maxEventBytes) {

    public ResultLimitProperties {
        maxEventBytes = maxEventBytes == null ? 900_000 : maxEventBytes;
        if (maxEventBytes < 10_000) {
            throw new IllegalArgumentException("reconcraft.tool-runner.result.max-event-bytes must be at least 10000");
        }
    }
}
