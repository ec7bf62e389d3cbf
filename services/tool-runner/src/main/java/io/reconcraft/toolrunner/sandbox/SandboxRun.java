package io.reconcraft.toolrunner.sandbox;

import java.nio.charset.StandardCharsets;

/** A tool run that ended by itself: its exit code and everything it wrote to stdout. */
public record SandboxRun(int exitCode, byte[] stdout, String lastLogLine) {

    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }
}
