package io.reconcraft.orchestrator.config;

import io.reconcraft.messaging.PerRunPoll;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ResultWorkersConfiguration {

    /** Closed with the context, after the listener containers have stopped. */
    @Bean(destroyMethod = "close")
    PerRunPoll resultWorkers(OrchestratorProperties properties) {
        return new PerRunPoll("step-results", properties.resultWorkers());
    }
}
