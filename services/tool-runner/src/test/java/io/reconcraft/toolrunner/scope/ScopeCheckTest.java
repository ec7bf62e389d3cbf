package io.reconcraft.toolrunner.scope;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.model.RunMode;
import io.reconcraft.toolrunner.execution.StepResult;
import io.reconcraft.toolrunner.execution.Steps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScopeCheckTest {

    @Test
    void givenALiveStepWithTargetsOutsideItsScope_whenChecked_thenItFailsNamingThem() {
        var step = Steps.step("nmap", RunMode.LIVE, List.of("10.0.0.5", "192.168.1.9", "evil.example.com"),
                List.of("10.0.0.0/24"), Map.of(), List.of());

        StepResult failure = ScopeCheck.violation(step).orElseThrow();

        assertThat(failure.outcome()).isEqualTo("out_of_scope");
        assertThat(failure.error()).isEqualTo("out of scope: 192.168.1.9, evil.example.com");
    }

    @Test
    void givenALiveStepWithATargetHiddenInItsConfig_whenChecked_thenThatTargetIsCheckedToo() {
        var step = Steps.step("nmap", RunMode.LIVE, List.of("10.0.0.5"), List.of("10.0.0.0/24"),
                Map.of("targets", List.of("10.9.9.9")), List.of());

        assertThat(ScopeCheck.violation(step)).get().extracting(StepResult::error).isEqualTo("out of scope: 10.9.9.9");
    }

    @Test
    void givenALiveStepInsideItsScope_whenChecked_thenItMayRun() {
        var step = Steps.step("nmap", RunMode.LIVE, List.of("10.0.0.5", "app.example.org"),
                List.of("10.0.0.0/24", "app.example.org"), Map.of(), List.of());

        assertThat(ScopeCheck.violation(step)).isEmpty();
    }

    @Test
    void givenADemoStepWithAnUnauthorizedButValidTarget_whenChecked_thenItMayRunBecauseDemoSendsNothing() {
        assertThat(ScopeCheck.violation(Steps.demo("nmap", List.of("203.0.113.7"), Map.of()))).isEmpty();
    }

    @Test
    void givenADemoStepWithAShellInjectionTarget_whenChecked_thenItFails() {
        StepResult failure = ScopeCheck.violation(Steps.demo("nmap", List.of("127.0.0.1;id"), Map.of())).orElseThrow();

        assertThat(failure.outcome()).isEqualTo("out_of_scope");
        assertThat(failure.error()).startsWith("out of scope: invalid target").contains("127.0.0.1;id");
    }

    @Test
    void givenConfigTargetsOfTheWrongType_whenChecked_thenItFailsAsInvalidInput() {
        StepResult failure = ScopeCheck.violation(Steps.demo("nmap", List.of("10.0.0.5"), Map.of("targets", "10.0.0.6")))
                .orElseThrow();

        assertThat(failure.outcome()).isEqualTo("invalid_input");
        assertThat(failure.error()).isEqualTo("nmap config 'targets' must be a list of strings");
    }
}
