package io.reconcraft.toolrunner.execution.live.nmap;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.Severity;
import io.reconcraft.toolrunner.execution.live.nmap.NmapScan.Host;
import io.reconcraft.toolrunner.execution.live.nmap.NmapScan.Port;
import io.reconcraft.toolrunner.execution.live.nmap.NmapScan.Script;
import io.reconcraft.toolrunner.execution.live.nmap.NmapScan.Vulnerability;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NmapFindingsTest {

    private static NmapScan scanOf(Port... ports) {
        return new NmapScan(List.of(new Host("127.0.0.1", "up", List.of(), List.of(ports))));
    }

    private static Port open(int number, String service, String product, Script... scripts) {
        return new Port(number, "tcp", "open", service, product, null, List.of(scripts));
    }

    @Test
    void givenAnOpenPort_whenJudged_thenItIsOneLowFindingOnThatHostAndPort() {
        List<Finding> findings = NmapFindings.of(scanOf(new Port(8080, "tcp", "open", "http", "nginx", "1.22.1", List.of())));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.LOW);
            assertThat(finding.title()).isEqualTo("Open port 8080/tcp (http)");
            assertThat(finding.description()).isEqualTo("nginx 1.22.1 answers on 127.0.0.1 port 8080/tcp.");
            assertThat(finding.target()).isEqualTo("127.0.0.1");
            assertThat(finding.port()).isEqualTo(8080);
            assertThat(finding.tool()).isEqualTo("nmap");
        });
    }

    @Test
    void givenClosedAndFilteredPorts_whenJudged_thenThereIsNoFinding() {
        assertThat(NmapFindings.of(scanOf(new Port(23, "tcp", "closed", "telnet", null, null, List.of()),
                new Port(3389, "tcp", "filtered", "ms-wbt-server", null, null, List.of())))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "telnet,        ,                       HIGH,   Telnet",
            "ms-wbt-server, ,                       HIGH,   RDP",
            "microsoft-ds,  ,                       HIGH,   SMB",
            "vnc,           ,                       HIGH,   VNC",
            "redis,         ,                       HIGH,   Redis",
            "wap-wsp,       Elasticsearch REST API, HIGH,   Elasticsearch",
            "memcache,      ,                       HIGH,   memcached",
            "mongod,        ,                       HIGH,   MongoDB",
            "ftp,           ,                       MEDIUM, FTP",
            "mysql,         ,                       MEDIUM, MySQL",
            "postgresql,    ,                       MEDIUM, PostgreSQL",
            "ms-sql-s,      ,                       MEDIUM, Microsoft SQL Server",
            "ssl/ftp,       ,                       MEDIUM, FTP"})
    void givenARiskyServiceOpen_whenJudged_thenItAddsAFindingFromTheTable(String service, String product,
                                                                          Severity severity, String label) {
        List<Finding> findings = NmapFindings.of(scanOf(open(1234, service, product)));

        assertThat(findings).hasSize(2);
        assertThat(findings.get(1).severity()).isEqualTo(severity);
        assertThat(findings.get(1).title()).isEqualTo("Risky service exposed: " + label + " on 1234/tcp");
    }

    @Test
    void givenAnOrdinaryService_whenJudged_thenOnlyTheOpenPortIsReported() {
        assertThat(NmapFindings.of(scanOf(open(443, "ssl/http", "nginx")))).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"0.0,LOW", "3.9,LOW", "4.0,MEDIUM", "6.9,MEDIUM", "7.0,HIGH", "8.9,HIGH", "9.0,CRITICAL", "10.0,CRITICAL"})
    void givenACvssScore_whenMapped_thenTheSeverityFollowsTheBands(double cvss, Severity severity) {
        assertThat(NmapFindings.severityOfCvss(cvss)).isEqualTo(severity);
    }

    @Test
    void givenAScriptWithScoredEntries_whenJudged_thenEachEntryIsAFindingWithItsScore() {
        Script vulners = new Script("vulners", "...", List.of(new Vulnerability("CVE-2023-38408", 9.8, true),
                new Vulnerability("CVE-2016-20012", 4.3, false)));

        List<Finding> findings = NmapFindings.of(scanOf(new Port(22, "tcp", "open", "ssh", "OpenSSH", "8.9", List.of(vulners))));

        assertThat(findings).extracting(Finding::severity, Finding::title).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Severity.LOW, "Open port 22/tcp (ssh)"),
                org.assertj.core.groups.Tuple.tuple(Severity.CRITICAL, "CVE-2023-38408 (CVSS 9.8) on 22/tcp"),
                org.assertj.core.groups.Tuple.tuple(Severity.MEDIUM, "CVE-2016-20012 (CVSS 4.3) on 22/tcp"));
        assertThat(findings.get(1).metadata()).containsEntry("exploit", true).containsEntry("script", "vulners");
    }

    @Test
    void givenTheVulnersFixture_whenJudged_thenTheOpenSshPortAndBothMediumCvesAreFound() {
        List<Finding> findings = NmapFindings.of(NmapXmlParser.parse(SharedFixtures.bytes("nmap/nmap-vulners-ssh.xml")));

        assertThat(findings).extracting(Finding::severity).containsExactly(Severity.LOW, Severity.MEDIUM, Severity.MEDIUM);
        assertThat(findings).extracting(Finding::target).containsOnly("192.168.0.1");
    }

    @Test
    void givenTheSameScanTwice_whenJudged_thenTheFingerprintsAreTheSame() {
        NmapScan scan = scanOf(open(23, "telnet", null));

        assertThat(NmapFindings.of(scan)).extracting(Finding::fingerprint)
                .isEqualTo(NmapFindings.of(scan).stream().map(Finding::fingerprint).toList());
    }

    @Test
    void givenAVersionWithoutAProduct_whenJudged_thenTheDescriptionSaysItIsAVersion() {
        List<Finding> findings = NmapFindings.of(scanOf(new Port(22, "tcp", "open", "ssh", null, "2-4", List.of())));

        assertThat(findings.get(0).description()).isEqualTo("A service (version 2-4) answers on 127.0.0.1 port 22/tcp.");
    }

    @Test
    void givenExtraInfo_whenJudged_thenTheDescriptionCarriesIt() {
        List<Finding> findings = NmapFindings.of(scanOf(new Port(22, "tcp", "open", "ssh", "OpenSSH", "7.4",
                "protocol 2.0", List.of("cpe:/a:openbsd:openssh:7.4"), List.of())));

        assertThat(findings.get(0).description()).isEqualTo("OpenSSH 7.4 (protocol 2.0) answers on 127.0.0.1 port 22/tcp.");
    }

    @Test
    void givenVulnersEntriesOfSeveralTypes_whenJudged_thenCvesAndExploitReferencesAreToldApart() {
        Script vulners = new Script("vulners", "...", List.of(new Vulnerability("CVE-2023-38408", 9.8, true, "cve"),
                new Vulnerability("EDB-ID:45233", 5.0, true, "exploitdb")));

        List<Finding> findings = NmapFindings.of(scanOf(new Port(22, "tcp", "open", "ssh", "OpenSSH", "8.9", List.of(vulners))));

        assertThat(findings.get(1).metadata()).containsEntry("type", "cve");
        assertThat(findings.get(1).title()).isEqualTo("CVE-2023-38408 (CVSS 9.8) on 22/tcp");
        assertThat(findings.get(2).metadata()).containsEntry("type", "exploitdb");
        assertThat(findings.get(2).title()).isEqualTo("Exploit EDB-ID:45233 (CVSS 5.0) on 22/tcp");
    }
}
