package io.reconcraft.launcher.demo;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RunReportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final String FINISHED_RUN = """
            {"id": "run-1", "status": "succeeded",
             "steps": [
               {"nodeId": "start", "name": "Start", "status": "succeeded", "logs": [], "findings": []},
               {"nodeId": "nmap", "name": "Nmap scan", "status": "succeeded",
                "logs": ["Starting nmap -sV 127.0.0.1", "2 open ports\\nscan done"],
                "findings": [
                  {"id": "f1", "severity": "medium", "title": "SSH exposed", "description": "OpenSSH 9.2\\non port 22",
                   "service": "ssh", "port": 22},
                  {"id": "f2", "severity": "low", "title": "Banner disclosed", "description": ""}
                ]}
             ],
             "summary": {"findingsCount": 2, "severities": {"low": 1, "medium": 1, "high": 0, "critical": 0}}}
            """;

    @Test
    void givenFinishedRun_whenFormatted_thenStepsLogsFindingsAndSummaryAppearInOrder() {
        List<String> lines = RunReport.lines(JSON.readTree(FINISHED_RUN));

        assertThat(lines).containsExactly(
                "Run run-1: succeeded",
                "  [succeeded] Start (start)",
                "  [succeeded] Nmap scan (nmap)",
                "      | Starting nmap -sV 127.0.0.1",
                "      | 2 open ports",
                "      | scan done",
                "      ! MEDIUM SSH exposed [ssh, port 22] - OpenSSH 9.2 on port 22",
                "      ! LOW Banner disclosed",
                "Summary: 2 finding(s) (critical 0, high 0, medium 1, low 1)");
    }

    @Test
    void givenFindingWithPortOnly_whenFormatted_thenLocationShowsPort() {
        JsonNode finding = JSON.readTree("""
                {"severity": "high", "title": "Admin panel", "description": "no auth", "port": 8080}""");

        assertThat(RunReport.finding(finding)).isEqualTo("HIGH Admin panel [port 8080] - no auth");
    }

    @Test
    void givenRunWithoutStepsOrSummary_whenFormatted_thenDefaultsAreShown() {
        List<String> lines = RunReport.lines(JSON.readTree("{\"id\": \"r\", \"status\": \"failed\"}"));

        assertThat(lines).containsExactly(
                "Run r: failed",
                "Summary: 0 finding(s) (critical 0, high 0, medium 0, low 0)");
    }
}
