package io.reconcraft.gateway.stream;

/** A client's buffer of undelivered events is full: it is dropped rather than slowing anyone or growing memory. */
class SlowClientException extends RuntimeException {

    SlowClientException(int buffered) {
        super("the client fell " + buffered + " events behind; reconnect with Last-Event-ID to resume");
    }
}
