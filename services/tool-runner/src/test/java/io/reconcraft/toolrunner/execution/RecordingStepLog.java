package io.reconcraft.toolrunner.execution;

import java.util.ArrayList;
import java.util.List;

/** Keeps what an executor logged, and how it was batched. */
public class RecordingStepLog implements StepLog {

    public final List<String> lines = new ArrayList<>();
    public int flushes;

    @Override
    public void line(String line) {
        lines.add(line);
    }

    @Override
    public void flush() {
        flushes++;
    }
}
