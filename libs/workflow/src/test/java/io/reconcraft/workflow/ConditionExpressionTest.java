package io.reconcraft.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConditionExpressionTest {

    public record Upstream(Object[] findings, Map<String, Integer> severities) {
    }

    @Test
    void findingsLengthComparesTheUpstreamFindings() {
        var upstream = new Upstream(new Object[] {"a", "b"}, Map.of("high", 1));

        assertThat(ConditionExpression.parse("findings.length > 0").evaluate(upstream)).isTrue();
        assertThat(ConditionExpression.parse("severities['high'] >= 2").evaluate(upstream)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "T(java.lang.Runtime) != null",
            "new java.lang.ProcessBuilder('id') != null",
            "@environment != null",
            "'abc'.toUpperCase() == 'ABC'",
            "findings.?[#this.getClass() != null].length > 0",
            "#exec('id') != null",
            "(findingsCount = 5) > 0",
            "findingsCount++ > 0",
            "#secret == null"})
    void givenAForbiddenConstruct_whenParsing_thenItIsRejectedBeforeAnyEvaluation(String forbidden) {
        assertThatThrownBy(() -> ConditionExpression.parse(forbidden))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"findings.length > 0 and severities['high'] >= 1", "ports.?[#this == 23].length > 0",
            "#root.findings.length == 2", "findings.![#this].length == 2", "!(findings.length == 0)"})
    void givenOnlyReadsAndComparisons_whenParsing_thenItIsAccepted(String readOnly) {
        assertThat(ConditionExpression.parse(readOnly).source()).isEqualTo(readOnly);
    }

    @Test
    void givenAParserRuleCallingAMethod_whenParsing_thenItIsRejectedWithTheReason() {
        assertThatThrownBy(() -> ParserRule.parse("service.toUpperCase() == 'FTP' -> high \"FTP\""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a method call is not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"T(java.lang.Runtime).getRuntime().exec('id') != null",
            "new java.io.File('/etc/passwd').exists()", "@systemProperties != null", "findings.getClass() != null",
            "''.getClass().forName('java.lang.Runtime') != null"})
    void hostileExpressionsNeverRun(String hostile) {
        var upstream = new Upstream(new Object[0], Map.of());

        assertThatThrownBy(() -> ConditionExpression.parse(hostile).evaluate(upstream))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
