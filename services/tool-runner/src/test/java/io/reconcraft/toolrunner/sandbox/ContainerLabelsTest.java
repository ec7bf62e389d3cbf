package io.reconcraft.toolrunner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerLabelsTest {

    private static final long OWN_PID = ProcessHandle.current().pid();
    private final ContainerLabels labels = new ContainerLabels("runner-a", "host-1", OWN_PID);

    private static Map<String, String> labelled(String worker, String host, String pid) {
        Map<String, String> labels = new HashMap<>();
        labels.put(ContainerLabels.MANAGED, "true");
        labels.put(ContainerLabels.WORKER, worker);
        labels.put(ContainerLabels.RUNNER_HOST, host);
        labels.put(ContainerLabels.RUNNER_PID, pid);
        return labels;
    }

    @Test
    void givenARun_whenLabelled_thenRunStepToolAndRunnerAreNamed() {
        SandboxInvocation run = new SandboxInvocation("nmap", "img", List.of(), "host", false, Duration.ofSeconds(1),
                "run-7", "run-7:nmap-1");

        assertThat(labels.forRun(run)).containsEntry("reconcraft.managed", "true")
                .containsEntry("reconcraft.run-id", "run-7")
                .containsEntry("reconcraft.step-id", "run-7:nmap-1")
                .containsEntry("reconcraft.tool", "nmap")
                .containsEntry("reconcraft.worker", "runner-a")
                .containsEntry("reconcraft.runner-host", "host-1")
                .containsEntry("reconcraft.runner-pid", String.valueOf(OWN_PID));
    }

    @Test
    void givenAContainerOfThisVeryProcess_whenJudged_thenItIsNotALeftover() {
        assertThat(labels.isLeftover(labelled("runner-a", "host-1", String.valueOf(OWN_PID)))).isFalse();
    }

    @Test
    void givenAContainerOfAnEarlierProcessWithTheSameWorkerId_whenJudged_thenItIsALeftover() {
        assertThat(labels.isLeftover(labelled("runner-a", "host-9", "1"))).isTrue();
    }

    @Test
    void givenAContainerOfAProcessOnThisHostThatIsGone_whenJudged_thenItIsALeftover() {
        assertThat(labels.isLeftover(labelled("runner-b", "host-1", String.valueOf(Long.MAX_VALUE)))).isTrue();
    }

    @Test
    void givenAContainerOfAnotherLiveRunnerOnThisHost_whenJudged_thenItIsLeftAlone() {
        long otherLiveProcess = ProcessHandle.current().parent().orElseThrow().pid();

        assertThat(labels.isLeftover(labelled("runner-b", "host-1", String.valueOf(otherLiveProcess)))).isFalse();
    }

    @Test
    void givenAContainerOfARunnerOnAnotherHost_whenJudged_thenItIsLeftAlone() {
        assertThat(labels.isLeftover(labelled("runner-b", "host-2", "12345"))).isFalse();
    }

    @Test
    void givenAContainerNotManagedByReconCraft_whenJudged_thenItIsNeverALeftover() {
        Map<String, String> foreign = labelled("runner-a", "host-1", "1");
        foreign.remove(ContainerLabels.MANAGED);

        assertThat(labels.isLeftover(foreign)).isFalse();
    }
}
