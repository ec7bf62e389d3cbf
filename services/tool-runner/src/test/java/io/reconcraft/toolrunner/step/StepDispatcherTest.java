package io.reconcraft.toolrunner.step;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.model.RunMode;
import io.reconcraft.toolrunner.execution.RecordingStepLog;
import io.reconcraft.toolrunner.execution.live.gitleaks.SecretHasher;
import io.reconcraft.toolrunner.execution.StepResult;
import io.reconcraft.toolrunner.execution.Steps;
import io.reconcraft.toolrunner.execution.demo.DemoToolBackend;
import io.reconcraft.toolrunner.execution.live.SandboxToolBackend;
import io.reconcraft.toolrunner.execution.live.http.HttpProbeProperties;
import io.reconcraft.toolrunner.sandbox.Sandboxes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StepDispatcherTest {

    private final StepDispatcher dispatcher = new StepDispatcher(List.of(new DemoToolBackend(),
            new SandboxToolBackend(Sandboxes.unreachable(), Sandboxes.properties(Sandboxes.NO_ENGINE),
                    new HttpProbeProperties(null, null, null, null),
                    new SecretHasher(new byte[32]))));

    @Test
    void givenAKindThatHasNoExecutorYet_whenExecuted_thenItFailsSayingSo() {
        StepResult result = dispatcher.execute(Steps.demo("report", List.of(), Map.of()), new RecordingStepLog());

        assertThat(result.outcome()).isEqualTo("not_supported");
        assertThat(result.error()).isEqualTo("the report node is not executable yet");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DEMO", "LIVE"})
    void givenAParserStep_whenExecutedInEitherMode_thenItsRulesRunWithoutAnyEngine(RunMode mode) {
        var step = Steps.step("parser", mode, List.of(), List.of(), Map.of("rules", List.of("port == 23 -> high \"Telnet\"")),
                List.of());

        StepResult result = dispatcher.execute(step, new RecordingStepLog());

        assertThat(result.status()).isEqualTo(io.reconcraft.events.model.RunStatus.SUCCEEDED);
        assertThat(result.outputs()).containsEntry("rules", 1);
    }

    @Test
    void givenALiveGitleaksStepAndNoContainerEngine_whenExecuted_thenItFailsAsSandboxUnavailableAndNothingRunsOnTheHost() {
        var step = Steps.step("gitleaks", RunMode.LIVE, List.of(), List.of(), Map.of("repoUrl", "https://example.org/r.git"),
                List.of());

        StepResult result = dispatcher.execute(step, new RecordingStepLog());

        assertThat(result.outcome()).isEqualTo("sandbox_unavailable");
    }

    @Test
    void givenALiveNmapStepAndNoContainerEngine_whenExecuted_thenItFailsAsSandboxUnavailableNamingTheEngine() {
        var step = Steps.step("nmap", RunMode.LIVE, List.of("127.0.0.1"), List.of("127.0.0.1"), Map.of(), List.of());

        StepResult result = dispatcher.execute(step, new RecordingStepLog());

        assertThat(result.outcome()).isEqualTo("sandbox_unavailable");
        assertThat(result.error()).startsWith("the container engine at " + Sandboxes.NO_ENGINE + " is not reachable");
    }

    @Test
    void givenADemoStepWithBadConfig_whenExecuted_thenItFailsAsInvalidInputWithTheReason() {
        StepResult result = dispatcher.execute(Steps.demo("gitleaks", List.of(), Map.of("repoUrl", "file:///etc")),
                new RecordingStepLog());

        assertThat(result.outcome()).isEqualTo("invalid_input");
        assertThat(result.error()).isEqualTo("gitleaks repoUrl must be an https URL (got scheme 'file')");
    }

    @Test
    void givenADemoNmapStep_whenExecuted_thenItSucceeds() {
        StepResult result = dispatcher.execute(Steps.demo("nmap", List.of("10.0.0.5"), Map.of()), new RecordingStepLog());

        assertThat(result.status().wireName()).isEqualTo("succeeded");
        assertThat(result.findings()).isNotEmpty();
    }
}
