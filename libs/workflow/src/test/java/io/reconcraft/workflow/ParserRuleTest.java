package io.reconcraft.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.Severity;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParserRuleTest {

    private static final Map<String, Object> TELNET = Map.of("port", 23, "protocol", "tcp", "state", "open",
            "service", "telnet", "product", "BusyBox telnetd");
    private static final Map<String, Object> SSH = Map.of("port", 22, "protocol", "tcp", "state", "open",
            "service", "ssh", "product", "OpenSSH", "version", "9.2p1");

    @Test
    void givenAPortRule_whenAppliedToScannedPorts_thenOnlyTheMatchingPortGivesAFinding() {
        ParserRule rule = ParserRule.parse("port == 23 -> high \"Telnet exposed\"");

        assertThat(rule.apply(RuleSubject.ofPort("127.0.0.1", TELNET)))
                .contains(new ParserRule.Match(Severity.HIGH, "Telnet exposed"));
        assertThat(rule.apply(RuleSubject.ofPort("127.0.0.1", SSH))).isEmpty();
    }

    @Test
    void givenRulesOverServiceProductAndState_whenApplied_thenTheyCombineWithAndOr() {
        ParserRule rule = ParserRule.parse("service == 'ssh' and state == 'open' and version matches '9\\..*' "
                + "-> LOW \"Current OpenSSH\"");

        assertThat(rule.severity()).isEqualTo(Severity.LOW);
        assertThat(rule.apply(RuleSubject.ofPort("127.0.0.1", SSH))).isPresent();
        assertThat(rule.apply(RuleSubject.ofPort("127.0.0.1", TELNET))).isEmpty();
    }

    @Test
    void givenARuleOverFindings_whenApplied_thenItSeesTheFindingsSeverityAndPort() {
        ParserRule rule = ParserRule.parse("severity == 'high' and port == 3306 -> critical \"Database exposed\"");
        Finding mysql = new Finding("f1", Severity.HIGH, "MySQL open", "d", "mysql", 3306, "127.0.0.1", "nmap", "fp",
                Map.of());

        assertThat(rule.apply(RuleSubject.ofFinding(mysql))).contains(new ParserRule.Match(Severity.CRITICAL,
                "Database exposed"));
    }

    @Test
    void givenARuleOverHttpResponses_whenApplied_thenItSeesTheStatus() {
        ParserRule rule = ParserRule.parse("status >= 500 -> medium \"Server error\"");

        assertThat(rule.apply(RuleSubject.ofResponse(Map.of("url", "http://127.0.0.1/", "status", 503)))).isPresent();
        assertThat(rule.apply(RuleSubject.ofResponse(Map.of("url", "http://127.0.0.1/", "status", 200)))).isEmpty();
    }

    @Test
    void givenToolOutputOfTheWrongShape_whenApplied_thenTheValueIsEmptyAndTheRuleDoesNotMatch() {
        ParserRule rule = ParserRule.parse("port == 23 -> high \"Telnet exposed\"");

        assertThat(rule.apply(RuleSubject.ofPort("127.0.0.1", Map.of("port", "23; rm -rf /", "service", 7)))).isEmpty();
    }

    @Test
    void givenALiteralThatContainsAnArrow_whenParsed_thenTheLastArrowSplitsTheRule() {
        ParserRule rule = ParserRule.parse("product == 'a->b' -> low \"Odd product\"");

        assertThat(rule.apply(RuleSubject.ofPort("127.0.0.1", Map.of("port", 1, "product", "a->b")))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "port == 23", "port == 23 -> high", "port == 23 -> high Telnet",
            "port == 23 -> severe \"Telnet\"", "port == 23 -> high \"\"", "-> high \"Telnet\"",
            "port == -> high \"Telnet\"",
            "port == 23 -> high \"Telnet\" trailing"})
    void givenAMalformedRule_whenParsed_thenItIsRejectedWithAReason(String rule) {
        assertThatThrownBy(() -> ParserRule.parse(rule)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = {"service.toUpperCase() == 'SSH' -> low \"x\"",
            "T(java.lang.Runtime).getRuntime().exec('id') != null -> high \"x\"",
            "new java.lang.ProcessBuilder('id').start() != null -> high \"x\""})
    void givenAForbiddenConstructInTheCondition_whenParsed_thenItIsRejectedBeforeItCanRun(String hostile) {
        assertThatThrownBy(() -> ParserRule.parse(hostile))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not allowed");
    }
}
