package io.reconcraft.orchestrator.admission;

import io.reconcraft.orchestrator.config.OrchestratorProperties;
import io.reconcraft.orchestrator.engine.RunAdvancer;
import io.reconcraft.orchestrator.engine.RunEnded;
import io.reconcraft.orchestrator.engine.RunFinisher;
import io.reconcraft.orchestrator.run.RunStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Admission control: at most {@code max-active-runs} runs are running at once; the others stay {@code queued}
 * in their admission group's queue and are admitted, groups in turn, as running runs end. Without it every
 * accepted run started at once and a backlog of thousands put its steps ahead of any new run's. Admitting a run
 * is marking it running (claimed atomically in the store, so a run is admitted once even with several
 * orchestrators) and setting it going. The count of running runs is kept here and re-read from the store by
 * {@link #refresh()}, which also picks up queued runs this instance has not seen (after a restart).
 */
@Component
public class RunAdmission {

    private static final Logger log = LoggerFactory.getLogger(RunAdmission.class);
    private static final int RELOAD_LIMIT = 10_000;

    private final RunStore store;
    private final RunFinisher finisher;
    private final RunAdvancer advancer;
    private final int maxActiveRuns;
    private final AdmissionQueue queue = new AdmissionQueue();
    private final ReentrantLock claiming = new ReentrantLock();
    private final Map<String, Integer> runningByGroup = new HashMap<>();
    private int running;

    public RunAdmission(RunStore store, RunFinisher finisher, RunAdvancer advancer, OrchestratorProperties properties) {
        this.store = store;
        this.finisher = finisher;
        this.advancer = advancer;
        this.maxActiveRuns = properties.maxActiveRuns();
    }

    /** A run was accepted and waits for admission; admits what fits now. */
    public void offer(String runId, String group) {
        synchronized (this) {
            queue.add(runId, group);
        }
        admitWhatFits();
    }

    @EventListener
    public void on(RunEnded ended) {
        if (ended.wasRunning()) {
            synchronized (this) {
                ended(ended.admissionGroup());
            }
            admitWhatFits();
        }
    }

    /** Re-reads the number of running runs, and the waiting runs when none wait here; then admits what fits. */
    public void refresh() {
        boolean reload;
        // no admission in between: a run claimed after the count was read would be forgotten by it
        claiming.lock();
        try {
            List<String> groups = store.groupsOfRunningRuns();
            synchronized (this) {
                log.debug("admission refresh: {} running (counted here: {}), {} waiting here", groups.size(), running,
                        queue.size());
                runningByGroup.clear();
                groups.forEach(group -> runningByGroup.merge(group, 1, Integer::sum));
                running = groups.size();
                reload = queue.isEmpty() && running < maxActiveRuns;
            }
        } finally {
            claiming.unlock();
        }
        if (reload) {
            List<Document> waiting = store.waitingForAdmission(RELOAD_LIMIT);
            synchronized (this) {
                waiting.forEach(run -> queue.add(run.getString("_id"), groupOf(run)));
            }
        }
        admitWhatFits();
    }

    private void admitWhatFits() {
        while (true) {
            AdmissionQueue.Waiting next;
            boolean admitted = false;
            claiming.lock();
            try {
                synchronized (this) {
                    Optional<AdmissionQueue.Waiting> first = running < maxActiveRuns ? queue.next(runningByGroup)
                            : Optional.empty();
                    if (first.isEmpty()) {
                        return;
                    }
                    next = first.get();
                    running++;
                    runningByGroup.merge(next.group(), 1, Integer::sum);
                }
                try {
                    admitted = finisher.markRunning(next.runId());
                } finally {
                    if (!admitted) {
                        // already admitted, cancelled or ended elsewhere: it takes no place
                        synchronized (this) {
                            ended(next.group());
                        }
                    }
                }
            } finally {
                claiming.unlock();
            }
            if (admitted) {
                log.debug("run {} admitted", next.runId());
                advancer.advance(next.runId());
            }
        }
    }

    private void ended(String group) {
        running = Math.max(0, running - 1);
        runningByGroup.computeIfPresent(group == null ? "unknown" : group, (g, n) -> n > 1 ? n - 1 : null);
    }

    private static String groupOf(Document run) {
        Object group = run.get("admissionGroup");
        return group == null ? "unknown" : group.toString();
    }

}
