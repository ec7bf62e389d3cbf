package io.reconcraft.toolrunner.step;

/**
 * One step attempt this instance holds, from its hand-over to a worker until its result is known.
 * A cancel interrupts the worker only while it executes the step, never while it talks to Mongo or
 * Kafka about it; a cancel that comes after the execution ended changes nothing.
 */
final class RunningStep {

    private enum Phase { WAITING, EXECUTING, ENDED }

    private Phase phase = Phase.WAITING;
    private Thread worker;
    private String cancelReason;

    /** Called by the worker; false when the step was cancelled before it began. */
    synchronized boolean beginExecution() {
        if (cancelReason != null) {
            phase = Phase.ENDED;
            return false;
        }
        phase = Phase.EXECUTING;
        worker = Thread.currentThread();
        return true;
    }

    /** Called by the worker when the execution is over; returns the cancel reason, or null when it was not cancelled. */
    synchronized String endExecution() {
        phase = Phase.ENDED;
        worker = null;
        // clears an interrupt that the cancel left on this worker thread
        Thread.interrupted();
        return cancelReason;
    }

    /** True when the cancel reached the step before it ended. */
    synchronized boolean cancel(String reason) {
        if (phase == Phase.ENDED || cancelReason != null) {
            return false;
        }
        cancelReason = reason == null || reason.isBlank() ? "cancelled" : reason;
        if (worker != null) {
            worker.interrupt();
        }
        return true;
    }
}
