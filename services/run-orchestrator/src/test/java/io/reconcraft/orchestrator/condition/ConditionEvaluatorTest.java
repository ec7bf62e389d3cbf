package io.reconcraft.orchestrator.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcraft.events.UpstreamOutput;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ConditionEvaluatorTest {

    private final ConditionEvaluator evaluator = new ConditionEvaluator();

    private static final List<UpstreamOutput> NMAP_FOUND_TELNET = List.of(new UpstreamOutput("nmap", "nmap",
            Map.of("ports", List.of(Map.of("port", 22, "state", "open"), Map.of("port", 23, "state", "open"),
                    Map.of("port", 25, "state", "closed"))),
            List.of(finding(Severity.HIGH, 23), finding(Severity.LOW, 22))));

    @Test
    void givenUpstreamFindings_whenCheckingFindingsLength_thenTrue() {
        assertThat(evaluator.evaluate("findings.length > 0", NMAP_FOUND_TELNET)).isTrue();
    }

    @Test
    void givenNoUpstreamFindings_whenCheckingFindingsLength_thenFalse() {
        assertThat(evaluator.evaluate("findings.length > 0", List.of(new UpstreamOutput("nmap", "nmap", Map.of(), List.of()))))
                .isFalse();
    }

    @Test
    void givenSeverityCounts_whenComparing_thenTheyAreCountedPerSeverity() {
        assertThat(evaluator.evaluate("severities.high == 1 and severities.low == 1 and severities.critical == 0",
                NMAP_FOUND_TELNET)).isTrue();
        assertThat(evaluator.evaluate("findingsCount == 2", NMAP_FOUND_TELNET)).isTrue();
    }

    @Test
    void givenOpenPortsUpstream_whenSelectingAPort_thenOnlyOpenPortsCount() {
        assertThat(evaluator.evaluate("ports.?[#this == 23].length > 0", NMAP_FOUND_TELNET)).isTrue();
        assertThat(evaluator.evaluate("ports.?[#this == 25].length > 0", NMAP_FOUND_TELNET)).isFalse();
        assertThat(evaluator.evaluate("ports.length == 2", NMAP_FOUND_TELNET)).isTrue();
    }

    @Test
    void givenFindingProperties_whenFiltering_thenTheyAreReadable() {
        assertThat(evaluator.evaluate("findings.?[severity == 'high' and port == 23].length == 1", NMAP_FOUND_TELNET))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "T(java.lang.Runtime).getRuntime().exec('id')",
            "new java.lang.ProcessBuilder('id').start() != null",
            "findings.getClass().forName('java.lang.Runtime') != null",
            "'abc'.toUpperCase() == 'ABC'",
            "@environment != null",
            "findingsCount = 5",
            "#this.class.classLoader != null"})
    void givenAHostileExpression_whenEvaluating_thenItIsRejected(String hostile) {
        assertThatThrownBy(() -> evaluator.evaluate(hostile, NMAP_FOUND_TELNET))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenAnOverlongExpression_whenEvaluating_thenItIsRejectedBeforeParsing() {
        String longExpression = "findingsCount > 0" + " or findingsCount > 0".repeat(40);

        assertThatThrownBy(() -> evaluator.evaluate(longExpression, NMAP_FOUND_TELNET))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limited");
    }

    @Test
    void givenAnExpressionThatIsNotBoolean_whenEvaluating_thenItIsRejected() {
        assertThatThrownBy(() -> evaluator.evaluate("findings", NMAP_FOUND_TELNET))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenMalformedPortEntries_whenEvaluating_thenTheyAreIgnored() {
        List<UpstreamOutput> garbage = List.of(new UpstreamOutput("nmap", "nmap",
                Map.of("ports", List.of("80", "x", 70000, -1, 8.5, Map.of("port", "443"))), List.of()));

        assertThat(evaluator.evaluate("ports.length == 2 and ports[0] == 80 and ports[1] == 443", garbage)).isTrue();
    }

    private static Finding finding(Severity severity, int port) {
        return new Finding("f-" + port, severity, "port " + port, "open port", "svc", port, "127.0.0.1", "nmap",
                "fp-" + port, Map.of());
    }
}
