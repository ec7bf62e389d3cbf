package io.reconcraft.launcher.stack;

/** A part of the stack could not be started; the message is meant for the user. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
