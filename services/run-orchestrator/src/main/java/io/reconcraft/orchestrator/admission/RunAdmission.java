package io.reconcraft.orchestrator.admission;

import io.reconcraft.messaging.PeriodicTask;
import io.reconcraft.orchestrator.config.OrchestratorProperties;
import io.reconcraft.orchestrator.engine.RunAdvancer;
import io.reconcraft.orchestrator.engine.RunEnded;
import io.reconcraft.orchestrator.engine.RunFinisher;
import io.reconcraft.orchestrator.store.RunDocument;
import io.reconcraft.orchestrator.store.RunStore;
import io.reconcraft.orchestrator.store.WaitingRun;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Admission control: at most {@code max-active-runs} runs are running at once; the others stay {@code queued}
 * in their admission group's queue and are admitted, groups in turn, as running runs end. Without it every
 * accepted run started at once and a backlog of thousands put its steps ahead of any new run's. Admitting a run
 * is marking it running (claimed atomically in the store, so a run is admitted once even with several
 * orchestrators) and setting it going. A run offered with its stored document whose first step the orchestrator
 * executes at once is marked running by the update that ends that step and claims its scans
 * ({@link RunAdvancer#admitWithFirstStep}): two fewer waits per admitted run on the one admission thread. The count of running runs is kept here and re-read from the store by
 * {@link #refresh()}, which also picks up queued runs this instance has not seen (after a restart).
 * Admitting (and setting the admitted run going, its first steps included) happens on one admission thread,
 * never on the thread that offered the run or reported a run's end: when intake admitted inline, taking in
 * run requests went only as fast as runs finished, so a backlog waited in the run-requests topic in arrival
 * order — where no fair share applies — and a new submitter's run waited behind all of it.
 */
@Component
public class RunAdmission extends PeriodicTask {

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
    // not the instance's own monitor: the task's start and stop hold that one while they wait for the thread
    private final Object state = new Object();
    private final AtomicBoolean passPending = new AtomicBoolean();
    private final Set<String> notGoing = ConcurrentHashMap.newKeySet();

    public RunAdmission(RunStore store, RunFinisher finisher, RunAdvancer advancer, OrchestratorProperties properties) {
        super("run-admission", 1, properties.admissionRefreshInterval(), properties.admissionRefreshInterval());
        this.store = store;
        this.finisher = finisher;
        this.advancer = advancer;
        this.maxActiveRuns = properties.maxActiveRuns();
    }

    /** A run was accepted and waits for admission; what fits is admitted on the admission thread. */
    public void offer(String runId, String group) {
        offer(runId, group, null);
    }

    /** As {@link #offer(String, String)}, with the run as stored ({@code queued}), so that admitting it reads nothing. */
    public void offer(String runId, String group, RunDocument queued) {
        synchronized (state) {
            queue.add(runId, group, queued);
        }
        admitSoon();
    }

    @EventListener
    public void on(RunEnded ended) {
        if (ended.wasRunning()) {
            synchronized (state) {
                ended(ended.admissionGroup());
            }
            admitSoon();
        }
    }

    /** Re-reads the number of running runs, and the waiting runs when none wait here; then admits what fits. */
    public void refresh() {
        List.copyOf(notGoing).forEach(runId -> setGoing(runId, () -> advancer.advance(runId)));
        boolean reload;
        // no admission in between: a run claimed after the count was read would be forgotten by it
        claiming.lock();
        try {
            List<String> groups = store.groupsOfRunningRuns();
            synchronized (state) {
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
            List<WaitingRun> waiting = store.waitingForAdmission(RELOAD_LIMIT);
            synchronized (state) {
                waiting.forEach(run -> queue.add(run.runId(), run.admissionGroup()));
            }
        }
        admitSoon();
    }

    /** The periodic pass: the store's count and waiting runs re-read, then what fits admitted. */
    @Override
    protected void runOnce() {
        refresh();
    }

    /** One admission pass after this call, however many calls come before it starts. */
    private void admitSoon() {
        if (isRunning() && passPending.compareAndSet(false, true)) {
            boolean scheduled = runNow(() -> {
                passPending.set(false); // an offer from now on needs another pass
                try {
                    admitWhatFits();
                } catch (RuntimeException e) {
                    log.warn("admission pass failed, the next refresh retries it: {}", e.toString());
                }
            });
            if (!scheduled) {
                passPending.set(false);
            }
        }
    }

    private void admitWhatFits() {
        while (true) {
            AdmissionQueue.Waiting next;
            boolean admitted = false;
            Optional<RunAdvancer.AdmittedStart> start = Optional.empty();
            claiming.lock();
            try {
                synchronized (state) {
                    // stopping: what is not admitted yet stays queued in the store for the next start
                    Optional<AdmissionQueue.Waiting> first = running < maxActiveRuns && isRunning()
                            ? queue.next(runningByGroup) : Optional.empty();
                    if (first.isEmpty()) {
                        return;
                    }
                    next = first.get();
                    running++;
                    runningByGroup.merge(next.group(), 1, Integer::sum);
                }
                try {
                    start = next.queued() == null ? Optional.empty() : advancer.admitWithFirstStep(next.queued());
                    admitted = start.isPresent() || finisher.markRunning(next.runId());
                } catch (RuntimeException e) {
                    synchronized (state) {
                        // still queued in the store: the next pass tries again
                        queue.add(next.runId(), next.group(), next.queued());
                    }
                    throw e;
                } finally {
                    if (!admitted) {
                        // already admitted, cancelled or ended elsewhere: it takes no place
                        synchronized (state) {
                            ended(next.group());
                        }
                    }
                }
            } finally {
                claiming.unlock();
            }
            if (admitted) {
                log.debug("run {} admitted", next.runId());
                Optional<RunAdvancer.AdmittedStart> admittedStart = start;
                setGoing(next.runId(), () -> admittedStart.ifPresentOrElse(advancer::goOn,
                        () -> advancer.advanceAfterOwnUpdate(next.runId())));
            }
        }
    }

    /**
     * Nothing else moves an admitted run whose first pass failed (its RunRequested was consumed long ago), so
     * it is kept and advanced again by the next refresh until that works.
     */
    private void setGoing(String runId, Runnable advance) {
        try {
            advance.run();
            notGoing.remove(runId);
        } catch (RuntimeException e) {
            notGoing.add(runId);
            log.warn("run {} was admitted but could not be set going, trying again at the next refresh: {}", runId,
                    e.toString());
        }
    }

    private void ended(String group) {
        running = Math.max(0, running - 1);
        runningByGroup.computeIfPresent(group == null ? "unknown" : group, (g, n) -> n > 1 ? n - 1 : null);
    }

}
