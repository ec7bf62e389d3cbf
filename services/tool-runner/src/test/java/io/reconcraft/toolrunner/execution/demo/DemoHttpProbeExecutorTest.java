package io.reconcraft.toolrunner.execution.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcraft.events.UpstreamOutput;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.Severity;
import io.reconcraft.toolrunner.execution.RecordingStepLog;
import io.reconcraft.toolrunner.execution.StepContext;
import io.reconcraft.toolrunner.execution.StepInputException;
import io.reconcraft.toolrunner.execution.StepResult;
import io.reconcraft.toolrunner.execution.Steps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoHttpProbeExecutorTest {

    private final DemoHttpProbeExecutor probe = new DemoHttpProbeExecutor();

    private static UpstreamOutput nmapOutput(List<Map<String, Object>> ports) {
        return new UpstreamOutput("nmap-1", "nmap", Map.of("hosts", List.of(Map.of("address", "10.0.0.5", "ports", ports))), List.of());
    }

    private static Map<String, Object> port(int number, String service, String state) {
        return Map.of("port", number, "protocol", "tcp", "state", state, "service", service, "product", "nginx", "version", "1.22.1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenUpstreamNmapPorts_whenExecuted_thenOnlyOpenHttpLikePortsAreProbed() {
        var upstream = nmapOutput(List.of(port(22, "ssh", "open"), port(80, "http", "open"),
                port(8443, "https", "open"), port(8080, "http", "closed")));
        var step = Steps.step("http-probe", RunMode.DEMO, List.of("10.0.0.5"), List.of(), Map.of(), List.of(upstream));

        StepResult result = probe.execute(StepContext.of(step, new RecordingStepLog()));

        List<Map<String, Object>> responses = (List<Map<String, Object>>) result.outputs().get("responses");
        assertThat(responses).extracting(r -> r.get("url")).containsExactly("http://10.0.0.5", "https://10.0.0.5:8443");
        assertThat(responses.get(0)).containsOnlyKeys("url", "status", "title", "server", "headers")
                .containsEntry("status", 200).containsEntry("server", "nginx/1.22.1");
    }

    @Test
    void givenNoUpstream_whenExecuted_thenHttpAndHttpsOfEachTargetAreProbedAndLogged() {
        RecordingStepLog log = new RecordingStepLog();

        probe.execute(StepContext.of(Steps.demo("http-probe", List.of("app.example.org", "2001:db8::5"), Map.of()),
                log));

        assertThat(log.lines).anyMatch(l -> l.startsWith("GET http://app.example.org -> 200"))
                .anyMatch(l -> l.startsWith("GET https://app.example.org -> 200"))
                .anyMatch(l -> l.startsWith("GET http://[2001:db8::5] -> 200"));
        assertThat(log.flushes).isEqualTo(4);
    }

    @Test
    void givenAProbedUrl_whenExecuted_thenMissingHeadersAndServerVersionAreLowFindings() {
        StepResult result = probe.execute(StepContext.of(Steps.demo("http-probe", List.of("app.example.org"),
                Map.of()), new RecordingStepLog()));

        assertThat(result.findings()).extracting(Finding::severity).containsOnly(Severity.LOW);
        assertThat(result.findings()).extracting(Finding::title)
                .contains("Missing security headers on http://app.example.org",
                        "Server version disclosed on http://app.example.org");
        assertThat(result.findings()).allSatisfy(f -> {
            assertThat(f.tool()).isEqualTo("http-probe");
            assertThat(f.target()).isEqualTo("app.example.org");
        });
    }

    @Test
    void givenTheSameStepTwice_whenExecuted_thenResultsAreIdentical() {
        var step = Steps.demo("http-probe", List.of("app.example.org"), Map.of());

        assertThat(probe.execute(StepContext.of(step, new RecordingStepLog())))
                .isEqualTo(probe.execute(StepContext.of(step, new RecordingStepLog())));
    }

    @Test
    void givenUpstreamOutputOfTheWrongShape_whenExecuted_thenTheStepFailsWithAReason() {
        var upstream = new UpstreamOutput("nmap-1", "nmap", Map.of("hosts", "not a list"), List.of());
        var step = Steps.step("http-probe", RunMode.DEMO, List.of("10.0.0.5"), List.of(), Map.of(), List.of(upstream));

        assertThatThrownBy(() -> probe.execute(StepContext.of(step, new RecordingStepLog())))
                .isInstanceOf(StepInputException.class)
                .hasMessage("upstream output of node nmap-1 has 'hosts' that is not a list");
    }

    @Test
    void givenNoTargetsAndNoUpstream_whenExecuted_thenItRefusesWithAReason() {
        assertThatThrownBy(() -> probe.execute(StepContext.of(Steps.demo("http-probe", List.of(), Map.of()),
                new RecordingStepLog())))
                .isInstanceOf(StepInputException.class).hasMessageContaining("needs targets");
    }
}
