package io.reconcraft.toolrunner.execution.live.nmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcraft.toolrunner.execution.StepInputException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NmapArgumentsTest {

    private static final List<String> TARGET = List.of("127.0.0.1");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "quick  | -sT -T4 -F",
            "deep   | -sT -sV -sC -T4",
            "udp    | -sU --top-ports 100 --privileged",
            "QUICK  | -sT -T4 -F"})
    void givenAProfile_whenBuilt_thenItsDocumentedFlagsComeFirstAndTheFixedOnesFollow(String profile, String flags) {
        NmapArguments nmap = NmapArguments.of(profile, null, TARGET, FIVE_MINUTES);

        assertThat(String.join(" ", nmap.arguments()))
                .isEqualTo(flags + " -n --host-timeout 295s -oX - -oN /dev/stderr 127.0.0.1");
    }

    @Test
    void givenNoProfileAndNoFlags_whenBuilt_thenItIsTheQuickProfile() {
        assertThat(NmapArguments.of(null, null, TARGET, FIVE_MINUTES).arguments()).startsWith("-sT", "-T4", "-F");
    }

    @Test
    void givenCustomFlagsWithoutAScanType_whenBuilt_thenAConnectScanIsAddedForTheNonRootUser() {
        NmapArguments nmap = NmapArguments.of("custom", "-sV -p 22,80", TARGET, FIVE_MINUTES);

        assertThat(nmap.arguments()).startsWith("-sT", "-sV", "-p", "22,80");
        assertThat(nmap.rawSockets()).isFalse();
    }

    @Test
    void givenOnlyAUdpScan_whenBuilt_thenNoTcpScanIsAdded() {
        assertThat(NmapArguments.of("custom", "-sU -p 53", TARGET, FIVE_MINUTES).arguments()).doesNotContain("-sT");
    }

    @ParameterizedTest
    @CsvSource({"udp,", "custom,-sU -p 53", "custom,-sS", "custom,-O", "custom,-A", "quick,-O"})
    void givenASwitchThatNeedsRawSockets_whenBuilt_thenTheRunAsksForNetRawAndTellsNmap(String profile, String flags) {
        NmapArguments nmap = NmapArguments.of(profile, flags, TARGET, FIVE_MINUTES);

        assertThat(nmap.rawSockets()).isTrue();
        assertThat(nmap.arguments()).contains("--privileged");
    }

    @ParameterizedTest
    @CsvSource({"quick,", "deep,", "custom,-sT -sV --script vulners"})
    void givenOnlyConnectScans_whenBuilt_thenNoCapabilityIsAskedFor(String profile, String flags) {
        NmapArguments nmap = NmapArguments.of(profile, flags, TARGET, FIVE_MINUTES);

        assertThat(nmap.rawSockets()).isFalse();
        assertThat(nmap.arguments()).doesNotContain("--privileged");
    }

    @Test
    void givenAProfileWithExtraPortsAndTiming_whenBuilt_thenTheyReplaceTheProfilesOwn() {
        NmapArguments nmap = NmapArguments.of("quick", "-p 8080 -T3", TARGET, FIVE_MINUTES);

        assertThat(nmap.arguments()).startsWith("-sT", "-p", "8080", "-T3").doesNotContain("-F", "-T4");
    }

    @Test
    void givenAHostTimeoutInTheFlags_whenBuilt_thenItIsKeptAndNotAddedTwice() {
        NmapArguments nmap = NmapArguments.of("custom", "-sT --host-timeout 30s", TARGET, FIVE_MINUTES);

        assertThat(nmap.arguments()).containsOnlyOnce("--host-timeout").contains("30s");
    }

    @Test
    void givenAShortStepTimeout_whenBuilt_thenTheHostTimeoutStaysWithinIt() {
        assertThat(NmapArguments.of("quick", null, TARGET, Duration.ofSeconds(8)).arguments())
                .containsSequence("--host-timeout", "8s");
    }

    @Test
    void givenSeveralTargets_whenBuilt_thenTheyComeLastAsSeparateArguments() {
        NmapArguments nmap = NmapArguments.of("quick", null, List.of("127.0.0.1", "::1"), FIVE_MINUTES);

        assertThat(nmap.arguments()).endsWith("-oX", "-", "-oN", "/dev/stderr", "127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    @Test
    void givenTargetsSpelledLoosely_whenBuilt_thenNmapGetsOnlyTheCanonicalFormThatWasChecked() {
        NmapArguments nmap = NmapArguments.of("quick", null, List.of(" Scanme.Example.COM ", "10.0.0.5/24"),
                FIVE_MINUTES);

        assertThat(nmap.arguments()).endsWith("scanme.example.com", "10.0.0.0/24");
    }

    @Test
    void givenATargetNmapWouldExpandAsARange_whenBuilt_thenItIsBadInput() {
        assertThatThrownBy(() -> NmapArguments.of("quick", null, List.of("127.0.0.1-255"), FIVE_MINUTES))
                .isInstanceOf(StepInputException.class).hasMessageContaining("127.0.0.1-255");
    }

    @Test
    void givenAFlagOutsideTheAllowList_whenBuilt_thenItIsBadInputNamingTheFlag() {
        assertThatThrownBy(() -> NmapArguments.of("custom", "-sT --script-args x -oN /etc/passwd", TARGET, FIVE_MINUTES))
                .isInstanceOf(StepInputException.class)
                .hasMessage("nmap flag '--script-args' is not allowed");
    }

    @Test
    void givenAShellMetacharacterInTheFlags_whenBuilt_thenItIsRejectedNotPassedOn() {
        assertThatThrownBy(() -> NmapArguments.of("custom", "-sT;id", TARGET, FIVE_MINUTES))
                .isInstanceOf(StepInputException.class);
    }

    @Test
    void givenAnUnknownProfile_whenBuilt_thenItIsBadInput() {
        assertThatThrownBy(() -> NmapArguments.of("stealthy", null, TARGET, FIVE_MINUTES))
                .isInstanceOf(StepInputException.class)
                .hasMessage("nmap profile must be one of quick, deep, udp, custom");
    }

    @Test
    void givenNoTarget_whenBuilt_thenItIsBadInput() {
        assertThatThrownBy(() -> NmapArguments.of("quick", null, List.of(), FIVE_MINUTES))
                .isInstanceOf(StepInputException.class)
                .hasMessage("nmap needs at least one target");
    }
}
