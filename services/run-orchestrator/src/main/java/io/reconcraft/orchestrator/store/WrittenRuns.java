package io.reconcraft.orchestrator.store;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * The run document as this thread's latest winning update left it (MongoDB returns it with the update,
 * findAndModify). The advancer continues from it instead of reading the run again: it holds every
 * earlier change, and any change made after it is followed by its writer's own advance.
 * Per thread because a transition and the advance that follows it run on one thread.
 *
 * <p>Also, per run, the latest document any thread of this instance wrote ({@link #lastOf}), for plans that a
 * guarded update then checks: a document another writer changed since only makes that update lose. Bounded by the
 * steps the documents hold; a run that ended is dropped.
 */
@Component
public class WrittenRuns {

    /** About 30 runs of 1,000 steps, or thousands of the usual few-step runs. */
    private static final int REMEMBERED_STEPS = 32_768;

    private final ThreadLocal<RunDocument> latest = new ThreadLocal<>();
    private final LinkedHashMap<String, RunDocument> lastByRun = new LinkedHashMap<>(64, 0.75f, true);
    private long rememberedSteps;

    void record(RunDocument written) {
        latest.set(written);
        remember(written);
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

    /** The latest document of the run that this instance wrote, while it is remembered; possibly outdated. */
    public synchronized Optional<RunDocument> lastOf(String runId) {
        return Optional.ofNullable(lastByRun.get(runId));
    }

    /** {@link #lastOf} the run a guard names by its {@code _id}; null when none is remembered. */
    RunDocument lastOf(Criteria guard) {
        return guard.getCriteriaObject().get("_id") instanceof String runId ? lastOf(runId).orElse(null) : null;
    }

    private synchronized void remember(RunDocument written) {
        RunDocument kept = lastByRun.get(written.id());
        if (kept != null && kept.revision() > written.revision()) {
            return; // two threads wrote the run, the later write was recorded first: it stays
        }
        RunDocument replaced = lastByRun.remove(written.id());
        if (replaced != null) {
            rememberedSteps -= weightOf(replaced);
        }
        if (written.runStatus().isTerminal() || weightOf(written) > REMEMBERED_STEPS) {
            return;
        }
        lastByRun.put(written.id(), written);
        rememberedSteps += weightOf(written);
        Iterator<Map.Entry<String, RunDocument>> eldest = lastByRun.entrySet().iterator();
        while (rememberedSteps > REMEMBERED_STEPS) {
            rememberedSteps -= weightOf(eldest.next().getValue());
            eldest.remove();
        }
    }

    private static long weightOf(RunDocument run) {
        return 1L + run.steps().size();
    }
}
