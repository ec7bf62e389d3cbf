package io.reconcraft.workflow;

import static io.reconcraft.workflow.Workflows.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.model.InputEcho;
import io.reconcraft.events.model.WorkflowEdge;
import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.events.model.WorkflowSnapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowValidatorTest {

    @Test
    void givenTheStudiosDefaultConfigs_whenValidated_thenThereIsNoProblem() {
        var studio = workflow()
                .node("start", "start")
                .node("scan", "nmap", Map.of("targets", List.of(), "profile", "quick", "flags", "-sV"))
                .node("probe", "http-probe", Map.of("timeout", "5", "followRedirects", true))
                .node("rules", "parser", Map.of("rules", List.of("port == 23 -> high \"Telnet exposed\"")))
                .node("leaks", "gitleaks", Map.of("repoUrl", "", "branch", "main"))
                .node("wait", "delay", Map.of("duration", "5"))
                .node("if", "condition", Map.of("condition", "findings.length > 0"))
                .node("tell", "slack", Map.of("webhookUrl", "https://hooks.slack.com/services/T/B/X", "message", "{{findings}}"))
                .node("doc", "report", Map.of("title", "Report",
                        "includeSections", List.of("summary", "findings", "recommendations")))
                .edge("start", "scan").edge("scan", "probe").edge("probe", "rules").edge("rules", "leaks")
                .edge("leaks", "wait").edge("wait", "if").edge("if", "tell").edge("tell", "doc")
                .build();

        assertThat(WorkflowValidator.validate(studio)).isEmpty();
    }

    @Test
    void givenAWorkflowWithManyProblems_whenValidated_thenEveryProblemIsReportedWithItsField() {
        var broken = workflow()
                .node("start", "start")
                .node("start", "nmap", Map.of("flags", "-sV --script-args x;id", "targets", List.of("ok.example", "1.2.3.4;id")))
                .node("x", "teleport")
                .node("probe", "http-probe", Map.of("timeout", 600))
                .node("if", "condition", Map.of("condition", "findings.length >"))
                .node("tell", "discord", Map.of("webhookUrl", "http://169.254.169.254/latest"))
                .node("a", "delay").node("b", "delay")
                .edge("start", "ghost").edge("a", "b").edge("b", "a")
                .build();

        assertThat(WorkflowValidator.validate(broken)).extracting(Problem::field).containsExactlyInAnyOrder(
                "nodes[1].id", "nodes[1].config.flags", "nodes[1].config.targets[1]", "nodes[2].kind",
                "nodes[3].config.timeout", "nodes[4].config.condition", "nodes[5].config.webhookUrl",
                "edges[0].target", "edges");
    }

    @Test
    void givenAReportConfigWithOurOptions_whenValidated_thenKnownFormatsAndSeveritiesPassAndOthersAreNamed() {
        var reports = workflow()
                .node("ok", "report", Map.of("title", "Weekly", "formats", List.of("html", "pdf", "json", "sarif", "csv"),
                        "minSeverity", "medium", "includeResolved", true))
                .node("bad", "report", Map.of("formats", List.of("html", "docx"), "minSeverity", "urgent",
                        "includeSections", "summary"))
                .build();

        assertThat(WorkflowValidator.validate(reports)).extracting(Problem::field).containsExactlyInAnyOrder(
                "nodes[1].config.formats", "nodes[1].config.minSeverity", "nodes[1].config.includeSections");
    }

    @Test
    void givenRetriesOutOfRangeOrNotWhole_whenValidated_thenEachIsReportedAtItsConfigPath() {
        var retries = workflow()
                .node("ok0", "nmap", Map.of("retries", 0)).node("ok5", "gitleaks", Map.of("retries", "5"))
                .node("many", "nmap", Map.of("retries", 6)).node("negative", "http-probe", Map.of("retries", -1))
                .node("half", "report", Map.of("retries", 1.5)).node("word", "nmap", Map.of("retries", "twice"))
                .build();

        assertThat(WorkflowValidator.validate(retries)).containsExactly(
                new Problem("nodes[2].config.retries", "must be a whole number from 0 to 5"),
                new Problem("nodes[3].config.retries", "must be a whole number from 0 to 5"),
                new Problem("nodes[4].config.retries", "must be a whole number from 0 to 5"),
                new Problem("nodes[5].config.retries", "must be a whole number from 0 to 5"));
    }

    @Test
    void givenAConditionAndARuleThatCallAMethod_whenValidated_thenBothAreRejectedAtTheirPaths() {
        var hostile = workflow()
                .node("if", "condition", Map.of("condition", "findings.getClass() != null"))
                .node("rules", "parser", Map.of("rules", List.of("port == 23 -> high \"Telnet\"",
                        "T(java.lang.Runtime).getRuntime() != null -> high \"x\"")))
                .build();

        assertThat(WorkflowValidator.validate(hostile)).extracting(Problem::field)
                .containsExactly("nodes[0].config.condition", "nodes[1].config.rules[1]");
    }

    @Test
    void givenParserRulesThatCannotBeRead_whenValidated_thenEachBadRuleIsReportedWithItsIndex() {
        var rules = workflow().node("rules", "parser", Map.of("rules", List.of(
                "port == 23 -> high \"Telnet exposed\"", "port == 23", "port == -> high \"x\"",
                "service == 'ftp' -> urgent \"FTP\""))).build();

        assertThat(WorkflowValidator.validate(rules)).extracting(Problem::field).containsExactly(
                "nodes[0].config.rules[1]", "nodes[0].config.rules[2]", "nodes[0].config.rules[3]");
    }

    @Test
    void webhookProblemsNeverEchoTheSecretUrl() {
        var leaky = workflow().node("tell", "slack", Map.of("webhookUrl", "http://hooks.slack.com/services/SECRET")).build();

        assertThat(WorkflowValidator.validate(leaky)).singleElement()
                .satisfies(problem -> assertThat(problem.message()).doesNotContain("SECRET").contains("https"));
    }

    @Test
    void givenIdsAndLabelsLongerThanAnEditorWrites_whenValidated_thenEachIsReportedAtItsField() {
        var oversized = new WorkflowSnapshot("wf", "test", List.of(
                new WorkflowNode("n".repeat(257), "start", "a", "recon", Map.of(), null),
                new WorkflowNode("b", "delay", "l".repeat(201), "recon", Map.of(), null),
                new WorkflowNode("c", "delay", "l".repeat(200), "recon", Map.of(), null)),
                List.of(new WorkflowEdge("e".repeat(257), "b", "c", null, null,
                        "l".repeat(201), null)));

        assertThat(WorkflowValidator.validate(oversized)).extracting(Problem::field).containsExactlyInAnyOrder(
                "nodes[0].id", "nodes[1].label", "edges[0].id", "edges[0].label");
    }

    @Test
    void givenHugeUnknownValues_whenValidated_thenTheMessagesShowOnlyTheirStart() {
        String huge = "h".repeat(300_000);
        var echoing = workflow().node("a", huge).node("b", "report", Map.of("formats", List.of(huge)))
                .edge("a", huge).build();

        assertThat(WorkflowValidator.validate(echoing)).hasSize(3).allSatisfy(problem -> assertThat(problem.message())
                .hasSizeLessThan(120).contains("'" + "h".repeat(InputEcho.MAX_SHOWN - 3) + "...'"));
    }
}
