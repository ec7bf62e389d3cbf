package io.reconcraft.events;

/** A message that is not a readable event; it belongs in a dead-letter topic, never in a retry loop. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
