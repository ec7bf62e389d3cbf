package io.reconcraft.findings.sorting;

import io.reconcraft.messaging.EventPublisher;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A batch's events are sent together and acknowledged before the batch counts as done. */
final class Publishing {

    private static final long TIMEOUT_SECONDS = 30;

    private Publishing() {
    }

    static void await(List<CompletableFuture<?>> sent) {
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + sent.size() + " event(s)", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send " + sent.size() + " event(s)", e);
        }
    }
}
