package io.reconcraft.toolrunner.execution.live;

/** A sandboxed tool wrote output that is not what it should be; the message becomes the step's error. */
public class ToolOutputException extends RuntimeException {

    protected ToolOutputException(String message) {
        super(message);
    }
}
