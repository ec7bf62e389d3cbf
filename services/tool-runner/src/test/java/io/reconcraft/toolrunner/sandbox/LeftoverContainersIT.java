package io.reconcraft.toolrunner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.NotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Start-up cleanup on a real engine: containers of a crashed runner go, those of a live one stay. */
class LeftoverContainersIT {

    private static DockerEngine engine;

    @BeforeAll
    static void engine() {
        engine = Sandboxes.requireEngine();
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            Sandboxes.close(engine);
        }
    }

    private static String createdBy(String worker, long pid) {
        ContainerLabels runner = new ContainerLabels(worker, ContainerLabels.localHostName(), pid);
        SandboxInvocation invocation = new SandboxInvocation("testbox", Sandboxes.TESTBOX_IMAGE, List.of("sleep 600"),
                "none", false, Duration.ofSeconds(1), "run-leftover", "run-leftover:" + UUID.randomUUID());
        return engine.control().createContainerCmd(Sandboxes.TESTBOX_IMAGE).withCmd(invocation.arguments())
                .withLabels(runner.forRun(invocation)).exec().getId();
    }

    private static boolean exists(String containerId) {
        try {
            engine.control().inspectContainerCmd(containerId).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static long pidOfAnEndedProcess() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }

    @Test
    void givenContainersOfACrashedAndOfALiveRunner_whenTheRunnerStarts_thenOnlyTheCrashedRunnersAreRemoved()
            throws Exception {
        String crashed = createdBy("crashed-runner", pidOfAnEndedProcess());
        long liveOtherProcess = ProcessHandle.current().parent().orElseThrow().pid();
        String live = createdBy("live-runner", liveOtherProcess);
        LeftoverContainers cleanup = new LeftoverContainers(engine, Sandboxes.labels("starting-runner"));
        try {
            cleanup.onStart();

            assertThat(exists(crashed)).isFalse();
            assertThat(exists(live)).isTrue();
        } finally {
            engine.control().removeContainerCmd(live).withForce(true).exec();
            if (exists(crashed)) {
                engine.control().removeContainerCmd(crashed).withForce(true).exec();
            }
        }
    }

    @Test
    void givenAContainerWithoutTheManagedLabel_whenTheRunnerStarts_thenItIsLeftAlone() {
        String foreign = engine.control().createContainerCmd(Sandboxes.TESTBOX_IMAGE).withCmd("sleep 600")
                .withLabels(Map.of("reconcraft.runner-host", ContainerLabels.localHostName(), "reconcraft.runner-pid", "1"))
                .exec().getId();
        try {
            new LeftoverContainers(engine, Sandboxes.labels("starting-runner")).onStart();

            assertThat(exists(foreign)).isTrue();
        } finally {
            engine.control().removeContainerCmd(foreign).withForce(true).exec();
        }
    }
}
