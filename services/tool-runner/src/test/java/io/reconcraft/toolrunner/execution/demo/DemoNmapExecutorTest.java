package io.reconcraft.toolrunner.execution.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.Severity;
import io.reconcraft.toolrunner.execution.RecordingStepLog;
import io.reconcraft.toolrunner.execution.StepContext;
import io.reconcraft.toolrunner.execution.StepInputException;
import io.reconcraft.toolrunner.execution.StepResult;
import io.reconcraft.toolrunner.execution.Steps;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DemoNmapExecutorTest {

    private final DemoNmapExecutor nmap = new DemoNmapExecutor();

    @Test
    void givenTheSameStepTwice_whenExecuted_thenOutputsFindingsAndLogsAreIdentical() {
        var step = Steps.demo("nmap", List.of("scanme.example.org", "10.0.0.5"), Map.of("profile", "quick"));
        RecordingStepLog firstLog = new RecordingStepLog();
        RecordingStepLog secondLog = new RecordingStepLog();

        StepResult first = nmap.execute(StepContext.of(step, firstLog));
        StepResult second = nmap.execute(StepContext.of(step, secondLog));

        assertThat(second).isEqualTo(first);
        assertThat(secondLog.lines).isEqualTo(firstLog.lines);
    }

    @Test
    void givenOneTarget_whenExecuted_thenLogsLookLikeNmapAndAreFlushedPerTarget() {
        RecordingStepLog log = new RecordingStepLog();

        nmap.execute(StepContext.of(Steps.demo("nmap", List.of("10.0.0.5", "10.0.0.6"), Map.of()), log));

        assertThat(log.lines).anyMatch(line -> line.startsWith("Starting Nmap 7.93"))
                .contains("PORT     STATE SERVICE VERSION")
                .anyMatch(line -> line.matches("22/tcp\\s+open\\s+ssh\\s+OpenSSH 9\\.2p1.*"))
                .anyMatch(line -> line.startsWith("Nmap done: 1 IP address (1 host up) scanned in "));
        assertThat(log.flushes).isEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenATarget_whenExecuted_thenOutputsListItsHostWithTypedPorts() {
        StepResult result = nmap.execute(StepContext.of(Steps.demo("nmap", List.of("10.0.0.5"), Map.of()),
                new RecordingStepLog()));

        List<Map<String, Object>> hosts = (List<Map<String, Object>>) result.outputs().get("hosts");
        assertThat(hosts).hasSize(1);
        assertThat(hosts.get(0)).containsEntry("address", "10.0.0.5");
        List<Map<String, Object>> ports = (List<Map<String, Object>>) hosts.get(0).get("ports");
        assertThat(ports).extracting(port -> port.get("port")).startsWith(22, 80, 443);
        assertThat(ports.get(0)).containsOnlyKeys("port", "protocol", "state", "service", "product", "version")
                .containsEntry("protocol", "tcp").containsEntry("state", "open").containsEntry("service", "ssh");
    }

    @Test
    void givenATarget_whenExecuted_thenEveryOpenPortIsALowFindingWithStableFingerprint() {
        StepResult result = nmap.execute(StepContext.of(Steps.demo("nmap", List.of("10.0.0.5"), Map.of()),
                new RecordingStepLog()));

        Finding ssh = result.findings().stream().filter(f -> Integer.valueOf(22).equals(f.port())).findFirst().orElseThrow();
        assertThat(ssh.severity()).isEqualTo(Severity.LOW);
        assertThat(ssh.title()).isEqualTo("Open port 22/tcp (ssh)");
        assertThat(ssh.service()).isEqualTo("ssh");
        assertThat(ssh.target()).isEqualTo("10.0.0.5");
        assertThat(ssh.tool()).isEqualTo("nmap");
        assertThat(ssh.fingerprint()).hasSize(64);
        assertThat(ssh.id()).isEqualTo("nmap-" + ssh.fingerprint().substring(0, 16));
    }

    @Test
    void givenManyTargets_whenExecuted_thenSomeButNotAllExposeADatabaseAsMediumFinding() {
        List<String> targets = IntStream.rangeClosed(1, 12).mapToObj(i -> "10.0.0." + i).toList();

        StepResult result = nmap.execute(StepContext.of(Steps.demo("nmap", targets, Map.of()), new RecordingStepLog()));

        List<String> withDatabase = result.findings().stream().filter(f -> f.severity() == Severity.MEDIUM)
                .peek(f -> assertThat(f.port()).isEqualTo(3306))
                .map(Finding::target).toList();
        assertThat(withDatabase).isNotEmpty().hasSizeLessThan(targets.size());
        assertThat(result.findings()).filteredOn(f -> Integer.valueOf(3306).equals(f.port()) && f.severity() == Severity.LOW)
                .extracting(Finding::target).containsExactlyElementsOf(withDatabase);
    }

    @Test
    void givenACidrTarget_whenExecuted_thenItReportsTheNetworkSize() {
        RecordingStepLog log = new RecordingStepLog();

        nmap.execute(StepContext.of(Steps.demo("nmap", List.of("10.1.2.0/24"), Map.of()), log));

        assertThat(log.lines).contains("Nmap scan report for 10.1.2.1")
                .anyMatch(line -> line.startsWith("Nmap done: 256 IP addresses (1 host up)"));
    }

    @Test
    void givenNoTargets_whenExecuted_thenItRefusesWithAReason() {
        assertThatThrownBy(() -> nmap.execute(StepContext.of(Steps.demo("nmap", List.of(), Map.of()),
                new RecordingStepLog())))
                .isInstanceOf(StepInputException.class).hasMessage("nmap needs at least one target");
    }
}
