package io.reconcraft.findings.sorting;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.Severity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintsTest {

    @Test
    void givenTheSameOpenPortWithOtherWording_whenFingerprinted_thenItIsTheSameFinding() {
        Finding before = nmap("Open port 22/tcp (ssh)", Severity.LOW, 22, Map.of("address", "10.0.0.1"));
        Finding after = nmap("Open port 22/tcp (OpenSSH)", Severity.MEDIUM, 22, Map.of("address", "10.0.0.2"));

        assertThat(Fingerprints.of(after)).isEqualTo(Fingerprints.of(before));
        assertThat(Fingerprints.of(nmap("Open port 22/udp (ssh)", Severity.LOW, 22, Map.of())))
                .isNotEqualTo(Fingerprints.of(before));
        assertThat(Fingerprints.of(nmap("Open port 2222/tcp (ssh)", Severity.LOW, 2222, Map.of())))
                .isNotEqualTo(Fingerprints.of(before));
    }

    @Test
    void givenAVulnerabilityOnAnOpenPort_whenFingerprinted_thenItIsAFindingOfItsOwnPerVulnerabilityId() {
        Finding port = nmap("Open port 80/tcp (http)", Severity.LOW, 80, Map.of());
        Finding cve = nmap("CVE-2021-41773 (CVSS 7.5) on 80/tcp", Severity.HIGH, 80, Map.of("id", "CVE-2021-41773"));
        Finding other = nmap("CVE-2021-42013 (CVSS 9.8) on 80/tcp", Severity.CRITICAL, 80, Map.of("id", "CVE-2021-42013"));

        assertThat(Fingerprints.of(cve)).isNotEqualTo(Fingerprints.of(port)).isNotEqualTo(Fingerprints.of(other));
    }

    @Test
    void givenAnHttpCheck_whenTheUrlPathOrWordingChanges_thenTheOriginAndCheckIdentifyIt() {
        Finding one = http("Missing security headers on http://app.test/", "http://app.test/");
        Finding two = http("Missing security headers on http://app.test:80/login", "http://app.test:80/login");
        Finding tls = http("Self-signed TLS certificate on https://app.test/", "https://app.test/");

        assertThat(Fingerprints.of(two)).isEqualTo(Fingerprints.of(one));
        assertThat(Fingerprints.of(tls)).isNotEqualTo(Fingerprints.of(one));
    }

    @Test
    void givenASecretLeak_whenFingerprinted_thenTheSecretIsNotInIt_andAnotherCommitIsTheSameFinding() {
        Finding leak = gitleaks(Map.of("rule", "aws-access-token", "file", "config/settings.py", "line", 12,
                "commit", "aaa", "secret", "AKIA…REDACTED", "secretHash", "5e3c"));
        Finding sameInAnotherCommit = gitleaks(Map.of("rule", "aws-access-token", "file", "config/settings.py",
                "line", 12, "commit", "bbb", "secret", "AKIA…REDACTED", "secretHash", "5e3c"));
        Finding otherSecret = gitleaks(Map.of("rule", "aws-access-token", "file", "config/settings.py", "line", 12,
                "secretHash", "77aa"));

        assertThat(Fingerprints.of(sameInAnotherCommit)).isEqualTo(Fingerprints.of(leak));
        assertThat(Fingerprints.of(otherSecret)).isNotEqualTo(Fingerprints.of(leak));
        assertThat(Fingerprints.identityKey(leak)).doesNotContain("AKIA").doesNotContain("REDACTED");
        assertThat(Fingerprints.of(leak)).matches("[0-9a-f]{64}");
    }

    @Test
    void givenASecretThatMovedToAnotherLine_whenItsHashIsSent_thenItIsTheSameFinding_andWithoutAHashTheLineDecides() {
        Finding before = gitleaks(Map.of("rule", "aws-access-token", "file", "config/settings.py", "line", 12,
                "secretHash", "5e3c"));
        Finding moved = gitleaks(Map.of("rule", "aws-access-token", "file", "config/settings.py", "line", 40,
                "secretHash", "5e3c"));
        Finding oldRunnerBefore = gitleaks(Map.of("rule", "aws-access-token", "file", "config/settings.py", "line", 12));
        Finding oldRunnerMoved = gitleaks(Map.of("rule", "aws-access-token", "file", "config/settings.py", "line", 40));

        assertThat(Fingerprints.of(moved)).isEqualTo(Fingerprints.of(before));
        assertThat(Fingerprints.of(oldRunnerMoved)).isNotEqualTo(Fingerprints.of(oldRunnerBefore));
        assertThat(Fingerprints.of(oldRunnerBefore)).isNotEqualTo(Fingerprints.of(before));
    }

    private static Finding nmap(String title, Severity severity, int port, Map<String, Object> metadata) {
        return new Finding("x", severity, title, "d", "ssh", port, "host.test", "nmap", "tool-fp", metadata);
    }

    private static Finding http(String title, String url) {
        return new Finding("x", Severity.LOW, title, "d", "http", 80, "app.test", "http-probe", "tool-fp",
                Map.of("url", url));
    }

    private static Finding gitleaks(Map<String, Object> metadata) {
        return new Finding("x", Severity.HIGH, "Hard-coded secret", "d", null, null, "https://github.com/o/r",
                "gitleaks", "tool-fp", metadata);
    }
}
