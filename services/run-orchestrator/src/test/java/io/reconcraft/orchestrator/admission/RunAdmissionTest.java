package io.reconcraft.orchestrator.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reconcraft.orchestrator.config.OrchestratorProperties;
import io.reconcraft.orchestrator.engine.RunAdvancer;
import io.reconcraft.orchestrator.engine.RunFinisher;
import io.reconcraft.orchestrator.store.RunStore;
import io.reconcraft.orchestrator.store.WaitingRun;
import io.reconcraft.orchestrator.store.WrittenRuns;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Admission with its collaborators faked: what happens around the admission thread, not the store. */
class RunAdmissionTest {

    /** Nothing running, nothing waiting in the store. */
    static final class EmptyStore extends RunStore {
        EmptyStore() {
            super(null, new WrittenRuns(), null);
        }

        @Override
        public List<String> groupsOfRunningRuns() {
            return List.of();
        }

        @Override
        public List<WaitingRun> waitingForAdmission(int limit) {
            return List.of();
        }
    }

    /** Every run is admitted. */
    static final class AdmittingFinisher extends RunFinisher {
        AdmittingFinisher() {
            super(null, null, null, null);
        }

        @Override
        public boolean markRunning(String runId) {
            return true;
        }
    }

    /** Fails the first {@code failures} passes of every run, and counts the passes that worked. */
    static class FlakyAdvancer extends RunAdvancer {
        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> advanced = new ConcurrentHashMap<>();
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final int failures;

        FlakyAdvancer(int failures) {
            super(null, null, null, null, null, null, null, null, null);
            this.failures = failures;
        }

        @Override
        public void advance(String runId) {
            threads.add(Thread.currentThread().getName());
            if (attempts.computeIfAbsent(runId, id -> new AtomicInteger()).incrementAndGet() <= failures) {
                throw new IllegalStateException("the broker is not reachable");
            }
            advanced.computeIfAbsent(runId, id -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public void advanceAfterOwnUpdate(String runId) {
            advance(runId);
        }
    }

    private RunAdmission admission;

    @AfterEach
    void stop() {
        admission.stop();
    }

    @Test
    void givenARunWhoseFirstPassFails_whenTheNextRefreshComes_thenItIsSetGoingOnce() {
        FlakyAdvancer advancer = new FlakyAdvancer(1);
        admission = new RunAdmission(new EmptyStore(), new AdmittingFinisher(), advancer, OrchestratorProperties.defaults());
        admission.start();
        admission.offer("run-1", "key-a|api");
        await().atMost(Duration.ofSeconds(10)).until(() -> advancer.attempts.containsKey("run-1"));
        assertThat(advancer.advanced).doesNotContainKey("run-1");

        admission.refresh();
        admission.refresh();

        assertThat(advancer.advanced.get("run-1")).hasValue(1);
    }

    @Test
    void givenOffers_whenAdmitted_thenEachRunIsSetGoingOnTheAdmissionThreadNotTheOfferingOne() {
        FlakyAdvancer advancer = new FlakyAdvancer(0);
        admission = new RunAdmission(new EmptyStore(), new AdmittingFinisher(), advancer, OrchestratorProperties.defaults());
        admission.start();

        admission.offer("run-1", "key-a|api");
        admission.offer("run-2", "key-a|api");

        await().atMost(Duration.ofSeconds(10)).until(() -> advancer.advanced.size() == 2);
        assertThat(advancer.attempts.values()).allMatch(count -> count.get() == 1);
        assertThat(advancer.threads).containsExactly("run-admission");
    }
}
