package io.reconcraft.launcher;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LauncherTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Launcher launcher = new Launcher(
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());

    @Test
    void givenHelp_whenRun_thenUsageIsPrintedAndExitIsZero() {
        int exit = launcher.run("help");

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("up", "demo", "RECONCRAFT_GATEWAY_PORT");
    }

    @Test
    void givenUnknownCommand_whenRun_thenExitIsTwo() {
        int exit = launcher.run("deploy");

        assertThat(exit).isEqualTo(Launcher.USAGE_OR_STARTUP_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command: deploy");
    }

    @Test
    void givenNoCommand_whenRun_thenExitIsTwo() {
        assertThat(launcher.run()).isEqualTo(Launcher.USAGE_OR_STARTUP_ERROR);
    }
}
