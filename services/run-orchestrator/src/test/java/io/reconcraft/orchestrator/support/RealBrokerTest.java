package io.reconcraft.orchestrator.support;

import io.reconcraft.events.Topics;
import io.reconcraft.testing.EventTap;
import io.reconcraft.testing.RealInfrastructure;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the orchestrator's integration tests: the orchestrator on the real broker and database, and
 * a tap through which the test plays gateway and executors and reads every topic the orchestrator writes.
 */
public abstract class RealBrokerTest {

    protected static EventTap tap;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry);
    }

    @BeforeEach
    void openTap() {
        // After the context started, so the application has declared its topics (every partition is seen).
        if (tap == null) {
            tap = new EventTap(RealInfrastructure.bootstrapServers(), List.of(Topics.RUN_EVENTS,
                    Topics.TOOL_STEP_REQUESTS, Topics.NOTIFIER_STEP_REQUESTS, Topics.FINDINGS_STEP_REQUESTS));
        }
    }

    @AfterAll
    static void closeTap() {
        if (tap != null) {
            tap.close();
            tap = null;
        }
    }
}
