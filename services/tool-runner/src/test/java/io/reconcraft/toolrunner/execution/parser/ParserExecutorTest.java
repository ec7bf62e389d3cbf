package io.reconcraft.toolrunner.execution.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcraft.events.StepRequested;
import io.reconcraft.events.UpstreamOutput;
import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.Severity;
import io.reconcraft.toolrunner.execution.StepContext;
import io.reconcraft.toolrunner.execution.StepInputException;
import io.reconcraft.toolrunner.execution.StepLog;
import io.reconcraft.toolrunner.execution.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParserExecutorTest {

    private static final UpstreamOutput NMAP = new UpstreamOutput("scan", "nmap", Map.of("hosts", List.of(
            Map.of("address", "127.0.0.1", "ports", List.of(
                    Map.of("port", 23, "protocol", "tcp", "state", "open", "service", "telnet"),
                    Map.of("port", 22, "protocol", "tcp", "state", "open", "service", "ssh", "product", "OpenSSH"),
                    "not a port",
                    Map.of("port", "eighty", "state", "open"))))), List.of());

    private static final UpstreamOutput PROBE = new UpstreamOutput("probe", "http-probe", Map.of("responses", List.of(
            Map.of("url", "http://127.0.0.1:8080/", "status", 500, "title", "Error", "server", "Apache/2.4.57"))),
            List.of(new Finding("f1", Severity.LOW, "Server version disclosed", "", "http", 8080, "127.0.0.1",
                    "http-probe", "fp", Map.of())));

    private final List<String> lines = new ArrayList<>();
    private final StepLog log = new StepLog() {
        @Override
        public void line(String line) {
            lines.add(line);
        }

        @Override
        public void flush() {
        }
    };

    @Test
    void givenRulesOverPortsResponsesAndFindings_whenRun_thenEachMatchBecomesAFindingWithTheRulesSeverity() {
        StepResult result = new ParserExecutor().execute(StepContext.of(step(List.of(
                "port == 23 -> high \"Telnet exposed\"",
                "status != null and status >= 500 -> medium \"Server error page\"",
                "title == 'Server version disclosed' -> low \"Version leak confirmed\"",
                "service == 'ftp' -> high \"FTP exposed\"")), log));

        assertThat(result.findings()).extracting(Finding::title, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Telnet exposed", Severity.HIGH),
                org.assertj.core.groups.Tuple.tuple("Server error page", Severity.MEDIUM),
                org.assertj.core.groups.Tuple.tuple("Version leak confirmed", Severity.LOW));
        assertThat(result.findings().get(0)).satisfies(telnet -> {
            assertThat(telnet.port()).isEqualTo(23);
            assertThat(telnet.target()).isEqualTo("127.0.0.1");
            assertThat(telnet.tool()).isEqualTo("parser");
            assertThat(telnet.metadata()).containsEntry("rule", "port == 23 -> high \"Telnet exposed\"");
        });
        assertThat(result.outputs()).containsEntry("matches", 3);
        assertThat(lines).anyMatch(line -> line.startsWith("match: port == 23"));
    }

    @Test
    void givenTheSameInput_whenRunTwice_thenTheFindingsAreIdentical() {
        List<String> rules = List.of("state == 'open' -> low \"Open port\"");

        assertThat(new ParserExecutor().execute(StepContext.of(step(rules), log)).findings())
                .isEqualTo(new ParserExecutor().execute(StepContext.of(step(rules), log)).findings());
    }

    @Test
    void givenAnUnreadableRule_whenRun_thenTheStepFailsNamingTheRule() {
        assertThatThrownBy(() -> new ParserExecutor().execute(StepContext.of(step(List.of("port == 23 -> high \"ok\"", "port ==")), log)))
                .isInstanceOf(StepInputException.class).hasMessageStartingWith("config.rules[1]");
    }

    @Test
    void givenAHostileRule_whenRun_thenItNeverMatches() {
        try {
            StepResult result = new ParserExecutor().execute(StepContext.of(step(List.of(
                    "T(java.lang.Runtime).getRuntime().exec('id') != null -> high \"pwned\"")), log));
            assertThat(result.findings()).isEmpty();
        } catch (StepInputException refusedWhenParsed) {
            assertThat(refusedWhenParsed).hasMessageStartingWith("config.rules[0]");
        }
    }

    private static StepRequested step(List<String> rules) {
        return new StepRequested("run-1:rules", "rules", "parser", "Rules", Map.of("rules", rules), List.of("127.0.0.1"),
                RunMode.DEMO, AuthorizedScope.NONE, 1, 60, List.of(NMAP, PROBE));
    }
}
