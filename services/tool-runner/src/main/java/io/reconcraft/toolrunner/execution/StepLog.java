package io.reconcraft.toolrunner.execution;

/** Where an executor writes its log lines; they reach the step's watchers while it still runs. */
public interface StepLog {

    void line(String line);

    /** Sends what has been written so far, e.g. at the end of one target. */
    void flush();
}
