package io.reconcraft.toolrunner.execution;

/** The step's config or upstream input cannot be used; the message says why and becomes the step's error. */
public class StepInputException extends RuntimeException {

    public StepInputException(String message) {
        super(message);
    }
}
