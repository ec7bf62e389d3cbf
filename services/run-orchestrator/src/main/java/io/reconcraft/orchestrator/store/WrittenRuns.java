package io.reconcraft.orchestrator.store;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The run document as this thread's latest winning update left it (MongoDB returns it with the update,
 * findAndModify). The advancer continues from it instead of reading the run again: it holds every
 * earlier change, and any change made after it is followed by its writer's own advance.
 * Per thread because a transition and the advance that follows it run on one thread.
 */
@Component
public class WrittenRuns {

    private final ThreadLocal<RunDocument> latest = new ThreadLocal<>();

    void record(RunDocument written) {
        latest.set(written);
    }

    /** The latest document this thread wrote for {@code runId}, kept for {@link #take}. */
    public Optional<RunDocument> peek(String runId) {
        RunDocument written = latest.get();
        return written != null && written.id().equals(runId) ? Optional.of(written) : Optional.empty();
    }

    /** The latest document this thread wrote for {@code runId}, once; empty if none or another run's. */
    public Optional<RunDocument> take(String runId) {
        RunDocument written = latest.get();
        latest.remove();
        return written != null && written.id().equals(runId) ? Optional.of(written) : Optional.empty();
    }
}
