package io.reconcraft.launcher.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SupervisorTest {

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
    private final RestartPolicy quick = new RestartPolicy(Duration.ofMillis(10), Duration.ofMillis(40), 5,
            Duration.ofMinutes(5));
    private Supervisor supervisor;

    @AfterEach
    void stop() {
        if (supervisor != null) {
            supervisor.close();
        }
    }

    @Test
    void givenTheDefaultPolicy_thenDelaysDoubleFromOneSecondUpTo16() {
        assertThat(RestartPolicy.DEFAULT.delayBefore(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RestartPolicy.DEFAULT.delayBefore(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RestartPolicy.DEFAULT.delayBefore(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(RestartPolicy.DEFAULT.delayBefore(9)).isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void givenAServiceThatDied_whenReported_thenTheConsoleSaysWhenItRestarts_andItIsStartedAgain() {
        supervisor = new Supervisor(RestartPolicy.DEFAULT.withFirstDelay(Duration.ofMillis(20)), out, clock);
        CountingChild child = new CountingChild("tool-runner");

        boolean restarting = supervisor.exited(child, 137, "tool-runner.log");

        assertThat(restarting).isTrue();
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("tool-runner exited (code 137); restarting in 0.0s (attempt 1/5)");
        await().atMost(Duration.ofSeconds(10)).until(() -> child.starts.get() == 1);
    }

    @Test
    void givenMoreCrashesThanAllowedWithinTheWindow_whenTheLastIsReported_thenTheSupervisorGivesUpAndSaysSo() {
        supervisor = new Supervisor(quick, out, clock);
        CountingChild child = new CountingChild("audit");
        for (int i = 1; i <= 5; i++) {
            assertThat(supervisor.exited(child, 1, "audit.log")).isTrue();
        }

        boolean restarting = supervisor.exited(child, 1, "audit.log");

        assertThat(restarting).isFalse();
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("(attempt 5/5)")
                .contains("audit exited (code 1); it crashed 6 times within 5 min, giving up: the stack is unhealthy");
        await().atMost(Duration.ofSeconds(10)).until(() -> child.starts.get() == 5);
    }

    private static final class CountingChild implements Supervisor.Restartable {
        private final String name;
        private final AtomicInteger starts = new AtomicInteger();

        CountingChild(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start() {
            starts.incrementAndGet();
        }
    }
}
