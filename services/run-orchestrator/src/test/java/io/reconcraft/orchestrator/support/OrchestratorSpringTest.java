package io.reconcraft.orchestrator.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The orchestrator's integration-test context: short backoffs, grace periods and a gitleaks timeout so
 * that retries and timeouts happen within a test, and at most 2 parallel tasks per run. The context is
 * closed after each class, so no other orchestrator is consuming when a test restarts one itself.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "reconcraft.orchestrator.retry-backoff-base=100ms",
        "reconcraft.orchestrator.retry-backoff-cap=400ms",
        "reconcraft.orchestrator.cancel-grace=1s",
        "reconcraft.orchestrator.max-parallel-tasks-per-run=2",
        "reconcraft.orchestrator.step-timeouts.gitleaks=1s",
        "reconcraft.orchestrator.timeout-grace=500ms",
        "reconcraft.orchestrator.task-poll-interval=100ms"})
@DirtiesContext
public @interface OrchestratorSpringTest {
}
