package io.reconcraft.toolrunner.scope;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.model.RunMode;
import io.reconcraft.toolrunner.execution.StepResult;
import io.reconcraft.toolrunner.execution.Steps;
import io.reconcraft.workflow.RepositoryHosts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScopeCheckTest {

    @Test
    void givenALiveStepWithTargetsOutsideItsScope_whenChecked_thenItFailsNamingThem() {
        var step = Steps.step("nmap", RunMode.LIVE, List.of("10.0.0.5", "192.168.1.9", "evil.example.com"),
                List.of("10.0.0.0/24"), Map.of(), List.of());

        StepResult failure = check(step, List.of("10.0.0.0/24")).orElseThrow();

        assertThat(failure.outcome()).isEqualTo("out_of_scope");
        assertThat(failure.error()).isEqualTo("out of scope: 192.168.1.9, evil.example.com");
    }

    @Test
    void givenALiveStepWithATargetHiddenInItsConfig_whenChecked_thenThatTargetIsCheckedToo() {
        var step = Steps.step("nmap", RunMode.LIVE, List.of("10.0.0.5"), List.of("10.0.0.0/24"),
                Map.of("targets", List.of("10.9.9.9")), List.of());

        assertThat(check(step, List.of("10.0.0.0/24"))).get().extracting(StepResult::error)
                .isEqualTo("out of scope: 10.9.9.9");
    }

    @Test
    void givenALiveStepInsideItsScope_whenChecked_thenItMayRun() {
        var step = Steps.step("nmap", RunMode.LIVE, List.of("10.0.0.5", "app.example.org"),
                List.of("10.0.0.0/24", "app.example.org"), Map.of(), List.of());

        assertThat(check(step, List.of("10.0.0.0/24", "app.example.org"))).isEmpty();
    }

    @Test
    void givenADemoStepWithAnUnauthorizedButValidTarget_whenChecked_thenItMayRunBecauseDemoSendsNothing() {
        assertThat(check(Steps.demo("nmap", List.of("203.0.113.7"), Map.of()), List.of())).isEmpty();
    }

    @Test
    void givenADemoStepWithAShellInjectionTarget_whenChecked_thenItFails() {
        StepResult failure = check(Steps.demo("nmap", List.of("127.0.0.1;id"), Map.of()), List.of()).orElseThrow();

        assertThat(failure.outcome()).isEqualTo("out_of_scope");
        assertThat(failure.error()).startsWith("out of scope: invalid target").contains("127.0.0.1;id");
    }

    @Test
    void givenConfigTargetsOfTheWrongType_whenChecked_thenItFailsAsInvalidInput() {
        StepResult failure = check(Steps.demo("nmap", List.of("10.0.0.5"), Map.of("targets", "10.0.0.6")),
                List.of()).orElseThrow();

        assertThat(failure.outcome()).isEqualTo("invalid_input");
        assertThat(failure.error()).isEqualTo("nmap config 'targets' must be a list of strings");
    }

    @Test
    void givenAStepThatClaimsAScopeOfEverything_whenItsTargetIsNotOnTheAllowList_thenItFails() {
        // a forged request writes its own scope; the gateway's allow-list is what counts
        var step = Steps.step("nmap", RunMode.LIVE, List.of("127.0.0.1"), List.of("0.0.0.0/0"), Map.of(), List.of());

        StepResult failure = check(step, List.of("10.0.0.0/24")).orElseThrow();

        assertThat(failure.outcome()).isEqualTo("out_of_scope");
        assertThat(failure.error()).isEqualTo("out of scope: 127.0.0.1");
    }

    @Test
    void givenATargetRemovedFromTheAllowListAfterTheRunStarted_whenARetryIsChecked_thenItFails() {
        var retry = Steps.step("nmap", RunMode.LIVE, List.of("10.0.0.5"), List.of("10.0.0.5"), Map.of(), List.of());

        assertThat(check(retry, List.of("10.0.0.6"))).get().extracting(StepResult::error)
                .isEqualTo("out of scope: 10.0.0.5");
    }

    @Test
    void givenAGitleaksRepositoryOnAnInternalHost_whenChecked_thenItFailsNamingTheHost() {
        var step = Steps.step("gitleaks", RunMode.LIVE, List.of(), List.of("10.0.0.0/24"),
                Map.of("repoUrl", "https://git.internal.corp/team/app.git"), List.of());

        assertThat(check(step, List.of("10.0.0.0/24"))).get().extracting(StepResult::error)
                .isEqualTo("out of scope: repository host git.internal.corp is neither an authorized target"
                        + " nor an allowed code host");
    }

    @Test
    void givenAGitleaksRepositoryOnACodeHostOrAnAuthorizedTarget_whenChecked_thenItMayRun() {
        var onGithub = Steps.step("gitleaks", RunMode.LIVE, List.of(), List.of("10.0.0.0/24"),
                Map.of("repoUrl", "https://github.com/org/app.git"), List.of());
        var onAuthorizedHost = Steps.step("gitleaks", RunMode.LIVE, List.of(), List.of("10.0.0.0/24"),
                Map.of("repoUrl", "https://10.0.0.7/org/app.git"), List.of());

        assertThat(check(onGithub, List.of("10.0.0.0/24"))).isEmpty();
        assertThat(check(onAuthorizedHost, List.of("10.0.0.0/24"))).isEmpty();
    }

    private static java.util.Optional<StepResult> check(io.reconcraft.events.StepRequested step, List<String> allowList) {
        return ScopeCheck.violation(step, allowList, new RepositoryHosts(RepositoryHosts.DEFAULT_CODE_HOSTS));
    }
}
