package io.reconcraft.toolrunner.sandbox;

import java.time.Duration;
import java.util.List;

/**
 * One tool run: the image, the argument list handed to its entrypoint (never through a shell),
 * its network mode, whether it may open raw sockets, its hard timeout and the step it belongs to.
 */
public record SandboxInvocation(String tool, String image, List<String> arguments, String networkMode,
                                boolean rawSockets, Duration timeout, String runId, String stepId) {

    public SandboxInvocation {
        arguments = List.copyOf(arguments);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a sandboxed run needs a positive timeout");
        }
    }
}
