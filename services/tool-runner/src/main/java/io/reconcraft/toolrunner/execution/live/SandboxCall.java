package io.reconcraft.toolrunner.execution.live;

import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.toolrunner.execution.StepLog;
import io.reconcraft.toolrunner.execution.StepResult;
import io.reconcraft.toolrunner.sandbox.ContainerSandbox;
import io.reconcraft.toolrunner.sandbox.SandboxException;
import io.reconcraft.toolrunner.sandbox.SandboxInvocation;
import io.reconcraft.toolrunner.sandbox.SandboxProperties;
import io.reconcraft.toolrunner.sandbox.SandboxRun;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;

/**
 * The part every sandboxed tool shares: run its container with the output lines paced into the step log, and
 * turn what can go wrong into a failed step — the sandbox failing ({@link SandboxException#outcome()}), an exit
 * code that means failure ({@code tool_failed}), output that cannot be read ({@code invalid_output}).
 */
@RequiredArgsConstructor
public final class SandboxCall {

    /** Why a finished run failed, or empty when its output should be read. */
    @FunctionalInterface
    public interface ExitCheck {
        Optional<String> failure(SandboxRun run);

        /** Any exit code but {@code accepted} fails as "{@code <tool>} exited with code N: its last log line". */
        static ExitCheck accepting(String tool, int... accepted) {
            return run -> Arrays.stream(accepted).anyMatch(code -> code == run.exitCode()) ? Optional.empty()
                    : Optional.of(tool + " exited with code " + run.exitCode() + lastLine(run));
        }
    }

    private final ContainerSandbox sandbox;
    private final SandboxProperties properties;

    public SandboxProperties properties() {
        return properties;
    }

    /** The step's own timeout, or the sandbox default when the request has none. */
    public Duration timeoutOf(StepRequested step) {
        return step.timeoutSeconds() > 0 ? Duration.ofSeconds(step.timeoutSeconds()) : properties.defaultTimeout();
    }

    /**
     * Runs {@code invocation} after logging {@code description}; {@code read} turns the output of a run that
     * passed {@code exits} into the step's result and may throw {@link ToolOutputException}.
     */
    public StepResult run(SandboxInvocation invocation, String description, StepLog log, ExitCheck exits,
                          Function<SandboxRun, StepResult> read) {
        log.line(description);
        log.flush();
        SandboxRun run;
        try {
            run = sandbox.run(invocation, new PacedStepLog(log));
        } catch (SandboxException e) {
            return StepResult.failed(e.outcome(), e.getMessage());
        }
        Optional<String> failure = exits.failure(run);
        if (failure.isPresent()) {
            return StepResult.failed(StepOutcome.TOOL_FAILED.wire(), failure.get());
        }
        try {
            return read.apply(run);
        } catch (ToolOutputException e) {
            return StepResult.failed(StepOutcome.INVALID_OUTPUT.wire(), e.getMessage());
        }
    }

    /** {@code ": <the tool's last log line>"}, or nothing when it wrote none. */
    public static String lastLine(SandboxRun run) {
        return run.lastLogLine() == null ? "" : ": " + run.lastLogLine();
    }
}
