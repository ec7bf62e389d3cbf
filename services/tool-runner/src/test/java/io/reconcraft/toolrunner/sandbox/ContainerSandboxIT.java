package io.reconcraft.toolrunner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The sandbox on a real engine (podman here), with the small test image infra/tools/testbox builds. */
class ContainerSandboxIT {

    private static DockerEngine engine;
    private static ContainerSandbox sandbox;

    @BeforeAll
    static void engine() {
        engine = Sandboxes.requireEngine();
        sandbox = new ContainerSandbox(engine, Sandboxes.properties(Sandboxes.dockerHost()), Sandboxes.labels("sandbox-it"));
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            Sandboxes.close(engine);
        }
    }

    private static SandboxInvocation testbox(String script, boolean rawSockets, Duration timeout) {
        return new SandboxInvocation("testbox", Sandboxes.TESTBOX_IMAGE, List.of(script), "none", rawSockets, timeout,
                "run-it", "run-it:" + UUID.randomUUID());
    }

    private static List<Container> containersOf(SandboxInvocation invocation) {
        return engine.control().listContainersCmd().withShowAll(true)
                .withLabelFilter(Sandboxes.labelFilter(invocation.stepId())).exec();
    }

    private static CompletableFuture<SandboxRun> inBackground(SandboxInvocation invocation, List<String> lines) {
        return CompletableFuture.supplyAsync(() -> sandbox.run(invocation, lines::add));
    }

    private static Container awaitRunning(SandboxInvocation invocation) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> containersOf(invocation).stream()
                .filter(c -> "running".equals(c.getState())).findFirst().orElse(null), c -> c != null);
    }

    private static Throwable failureOf(CompletableFuture<SandboxRun> run) throws InterruptedException {
        try {
            run.get(60, TimeUnit.SECONDS);
            throw new AssertionError("the run should have failed");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the run did not end", e);
        }
    }

    @Test
    void givenARunningTool_whenItsContainerIsInspected_thenEveryHardeningSettingIsInPlace() throws Exception {
        SandboxInvocation invocation = testbox("sleep 600", false, Duration.ofMinutes(2));
        CompletableFuture<SandboxRun> run = inBackground(invocation, new CopyOnWriteArrayList<>());

        InspectContainerResponse inspected = engine.control().inspectContainerCmd(awaitRunning(invocation).getId()).exec();
        engine.control().killContainerCmd(inspected.getId()).exec();

        assertThat(inspected.getConfig().getUser()).isEqualTo("65534:65534");
        assertThat(inspected.getConfig().getLabels()).containsEntry("reconcraft.managed", "true")
                .containsEntry("reconcraft.run-id", "run-it").containsEntry("reconcraft.step-id", invocation.stepId());
        HostConfig host = inspected.getHostConfig();
        assertThat(host.getReadonlyRootfs()).isTrue();
        assertThat(host.getTmpFs()).containsKey("/tmp");
        assertThat(host.getTmpFs().get("/tmp")).contains("noexec").contains("size=16777216");
        // Docker reports ALL; podman reports the default set it dropped (which is every capability it would grant).
        assertThat(host.getCapDrop()).satisfiesAnyOf(dropped -> assertThat(dropped).contains(Capability.ALL),
                dropped -> assertThat(dropped).contains(Capability.NET_RAW, Capability.SETUID, Capability.SETGID,
                        Capability.CHOWN, Capability.DAC_OVERRIDE, Capability.FOWNER, Capability.KILL,
                        Capability.NET_BIND_SERVICE, Capability.SYS_CHROOT, Capability.SETPCAP, Capability.MKNOD,
                        Capability.AUDIT_WRITE, Capability.FSETID, Capability.SETFCAP));
        assertThat(host.getCapAdd()).isNullOrEmpty();
        assertThat(host.getSecurityOpts()).anyMatch(opt -> opt.startsWith("no-new-privileges"));
        assertThat(host.getMemory()).isEqualTo(DataSize.ofMegabytes(256).toBytes());
        assertThat(host.getNanoCPUs()).isEqualTo(1_000_000_000L);
        assertThat(host.getPidsLimit()).isEqualTo(64L);
        assertThat(host.getNetworkMode()).isEqualTo("none");
        assertThat(failureOf(run)).isInstanceOf(SandboxException.class);
    }

    @Test
    void givenATool_whenItLooksAtItsOwnSandbox_thenItIsNobodyWithoutCapabilitiesOnAReadOnlyRootWithANoexecTmp() {
        String script = "id -u; grep -E '^(CapEff|CapBnd|NoNewPrivs)' /proc/self/status; "
                + "touch /probe 2>/dev/null && echo root-writable || echo root-read-only; "
                + "echo x > /tmp/file && echo tmp-writable; "
                + "cp /bin/busybox /tmp/bb && (/tmp/bb true 2>/dev/null && echo tmp-exec || echo tmp-noexec); "
                + "echo nofile=$(ulimit -n)";

        SandboxRun run = sandbox.run(testbox(script, false, Duration.ofSeconds(30)), line -> { });

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdoutText().lines()).containsExactly("65534", "CapEff:\t0000000000000000",
                "CapBnd:\t0000000000000000", "NoNewPrivs:\t1", "root-read-only", "tmp-writable", "tmp-noexec",
                "nofile=4096");
    }

    @Test
    void givenARunThatNeedsRawSockets_whenTheToolLooksAtItsCapabilities_thenExactlyNetRawIsEffective() {
        SandboxRun run = sandbox.run(testbox("grep -E '^CapEff' /proc/self/status", true, Duration.ofSeconds(30)),
                line -> { });

        long effective = Long.parseLong(run.stdoutText().trim().replace("CapEff:\t", ""), 16);
        long netRaw = 1L << 13;
        assertThat(effective).isEqualTo(netRaw);
    }

    @Test
    void givenAToolThatWritesAndExits_whenRun_thenItsOutputAndExitCodeComeBackAndItsContainerIsGone() {
        SandboxInvocation invocation = testbox("echo result; echo progress >&2; exit 3", false, Duration.ofSeconds(30));
        List<String> lines = new CopyOnWriteArrayList<>();

        SandboxRun run = sandbox.run(invocation, lines::add);

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stdoutText()).isEqualTo("result\n");
        assertThat(lines).containsExactly("progress");
        assertThat(containersOf(invocation)).isEmpty();
    }

    @Test
    void givenAToolThatOutlivesItsTimeout_whenRun_thenItIsKilledRemovedAndReportedAsTimeout() {
        SandboxInvocation invocation = testbox("sleep 600", false, Duration.ofSeconds(2));

        assertThatThrownBy(() -> sandbox.run(invocation, line -> { }))
                .isInstanceOfSatisfying(SandboxException.class, e -> assertThat(e.outcome()).isEqualTo("timeout"))
                .hasMessage("timeout after 2s");
        assertThat(containersOf(invocation)).isEmpty();
    }

    @Test
    void givenAToolThatExceedsItsMemoryLimit_whenRun_thenItFailsWithExit137AndTheSandboxKeepsWorking() {
        SandboxProperties small = new SandboxProperties(Sandboxes.dockerHost(), null, null,
                new SandboxProperties.Limits(DataSize.ofMegabytes(32), null, null, null), null, null, null, null);
        ContainerSandbox smallSandbox = new ContainerSandbox(engine, small, Sandboxes.labels("sandbox-it"));
        SandboxInvocation hog = testbox("tail /dev/zero", false, Duration.ofSeconds(60));

        assertThatThrownBy(() -> smallSandbox.run(hog, line -> { }))
                .isInstanceOfSatisfying(SandboxException.class, e -> assertThat(e.outcome()).isEqualTo("resource_limit"))
                .hasMessage("killed: out of memory or limit (exit 137)");
        assertThat(containersOf(hog)).isEmpty();
        assertThat(smallSandbox.run(testbox("echo still-fine", false, Duration.ofSeconds(30)), line -> { }).stdoutText())
                .isEqualTo("still-fine\n");
    }

    @Test
    void givenAToolThatWritesItsLogWithoutEndOrNewline_whenRun_thenItIsStoppedAtTheLimitAndTheSandboxKeepsWorking() {
        SandboxProperties smallLog = new SandboxProperties(Sandboxes.dockerHost(), null, null, null, null, null, null, null,
                DataSize.ofMegabytes(1), null);
        ContainerSandbox smallLogSandbox = new ContainerSandbox(engine, smallLog, Sandboxes.labels("sandbox-it"));
        // zero bytes without end and not one newline: before the limit this filled the reader's memory
        SandboxInvocation flood = testbox("cat /dev/zero >&2", false, Duration.ofMinutes(5));
        List<String> lines = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> smallLogSandbox.run(flood, lines::add))
                .isInstanceOfSatisfying(SandboxException.class, e -> assertThat(e.outcome()).isEqualTo("output_limit"))
                .hasMessage("testbox wrote more than 1 MB to its log; it was stopped");
        assertThat(containersOf(flood)).isEmpty();
        assertThat(lines).singleElement().satisfies(line -> assertThat(line).endsWith("…"));
        assertThat(smallLogSandbox.run(testbox("echo still-fine", false, Duration.ofSeconds(30)), line -> { }).stdoutText())
                .isEqualTo("still-fine\n");
    }

    @Test
    void givenAToolThatWritesMoreOutputThanTheLimit_whenRun_thenItIsStoppedRatherThanLeftToItsTimeout() {
        SandboxProperties smallOutput = new SandboxProperties(Sandboxes.dockerHost(), null, null, null, null,
                DataSize.ofMegabytes(1), null, null);
        ContainerSandbox smallOutputSandbox = new ContainerSandbox(engine, smallOutput, Sandboxes.labels("sandbox-it"));
        SandboxInvocation flood = testbox("cat /dev/zero", false, Duration.ofMinutes(5));

        assertThatThrownBy(() -> smallOutputSandbox.run(flood, line -> { }))
                .isInstanceOfSatisfying(SandboxException.class, e -> assertThat(e.outcome()).isEqualTo("output_limit"))
                .hasMessage("testbox wrote more than 1 MB of output; it was stopped");
        assertThat(containersOf(flood)).isEmpty();
    }

    @Test
    void givenAToolThatLogsAndKeepsRunning_whenRun_thenItsLinesArriveBeforeItEnds() throws Exception {
        SandboxInvocation invocation = testbox("echo scanning-started >&2; sleep 600", false, Duration.ofMinutes(2));
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<SandboxRun> run = inBackground(invocation, lines);

        await().atMost(Duration.ofSeconds(30)).until(() -> lines.contains("scanning-started"));
        boolean stillRunning = !run.isDone();
        engine.control().killContainerCmd(awaitRunning(invocation).getId()).exec();

        assertThat(stillRunning).isTrue();
        assertThat(failureOf(run)).isInstanceOf(SandboxException.class);
    }

    @Test
    void givenARunningTool_whenItsThreadIsInterrupted_thenTheContainerIsKilledAndRemovedAndTheRunIsCancelled()
            throws Exception {
        SandboxInvocation invocation = testbox("sleep 600", false, Duration.ofMinutes(2));
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        CompletableFuture<Boolean> interruptRestored = new CompletableFuture<>();
        Thread runner = new Thread(() -> {
            try {
                sandbox.run(invocation, line -> { });
                failure.complete(null);
            } catch (RuntimeException e) {
                interruptRestored.complete(Thread.currentThread().isInterrupted());
                failure.complete(e);
            }
        });
        runner.start();
        awaitRunning(invocation);

        runner.interrupt();

        assertThat(failure.get(60, TimeUnit.SECONDS)).isInstanceOfSatisfying(SandboxException.class,
                e -> assertThat(e.outcome()).isEqualTo("cancelled"));
        assertThat(interruptRestored.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(containersOf(invocation)).isEmpty();
    }

    @Test
    void givenTheGitleaksStandIn_whenItsReportPathIsStdout_thenTheV8ReportComesBackAsOutput() {
        SandboxInvocation invocation = new SandboxInvocation("gitleaks", Sandboxes.GITLEAKS_FAKE_IMAGE,
                List.of("detect", "--source", "/tmp/repo", "--report-format", "json", "--report-path", "/dev/stdout"),
                "none", false, Duration.ofSeconds(30), "run-it", "run-it:" + UUID.randomUUID());

        SandboxRun run = sandbox.run(invocation, line -> { });

        assertThat(run.exitCode()).as("gitleaks exits 1 when it found leaks").isEqualTo(1);
        assertThat(run.stdoutText()).startsWith("[").contains("\"RuleID\": \"test-rule\"");
    }

    @Test
    void givenAnImageTheEngineDoesNotHave_whenRun_thenItFailsAsSandboxUnavailableNamingTheImage() {
        SandboxInvocation invocation = new SandboxInvocation("nmap", "localhost/reconcraft/no-such-image:local",
                List.of("-sT"), "none", false, Duration.ofSeconds(10), "run-it", "run-it:missing");

        assertThatThrownBy(() -> sandbox.run(invocation, line -> { }))
                .isInstanceOfSatisfying(SandboxException.class,
                        e -> assertThat(e.outcome()).isEqualTo("sandbox_unavailable"))
                .hasMessageStartingWith("the nmap image localhost/reconcraft/no-such-image:local is not available");
    }
}
