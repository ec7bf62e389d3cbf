package io.reconcraft.toolrunner.sandbox;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerSandboxTest {

    @Test
    void givenNoEngineAtTheDockerHost_whenRun_thenItFailsAsSandboxUnavailableNamingTheHost() {
        SandboxInvocation run = new SandboxInvocation("nmap", Sandboxes.NMAP_IMAGE, List.of("-sT", "127.0.0.1"), "host",
                false, Duration.ofSeconds(5), "run-1", "run-1:nmap-1");

        assertThatThrownBy(() -> Sandboxes.unreachable().run(run, line -> { }))
                .isInstanceOfSatisfying(SandboxException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.outcome()).isEqualTo("sandbox_unavailable"))
                .hasMessageStartingWith("the container engine at " + Sandboxes.NO_ENGINE + " is not reachable (");
    }
}
