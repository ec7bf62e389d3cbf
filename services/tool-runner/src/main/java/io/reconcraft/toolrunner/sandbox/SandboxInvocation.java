package io.reconcraft.toolrunner.sandbox;

import java.time.Duration;
import java.util.List;
import org.springframework.util.unit.DataSize;

/**
 * One tool run: the image, the argument list handed to its entrypoint (never through a shell),
 * its network mode, whether it may open raw sockets, its hard timeout, the step it belongs to and,
 * when the tool needs room to work in (a clone), the size of its writable {@code /workspace}
 * ({@code null}: none).
 */
public record SandboxInvocation(String tool, String image, List<String> arguments, String networkMode,
                                boolean rawSockets, Duration timeout, String runId, String stepId,
                                DataSize workspace) {

    public SandboxInvocation {
        arguments = List.copyOf(arguments);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a sandboxed run needs a positive timeout");
        }
        if (workspace != null && workspace.toBytes() < 1) {
            throw new IllegalArgumentException("a workspace needs a positive size");
        }
    }

    public SandboxInvocation(String tool, String image, List<String> arguments, String networkMode,
                             boolean rawSockets, Duration timeout, String runId, String stepId) {
        this(tool, image, arguments, networkMode, rawSockets, timeout, runId, stepId, null);
    }
}
