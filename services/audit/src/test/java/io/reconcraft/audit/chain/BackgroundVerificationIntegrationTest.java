package io.reconcraft.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reconcraft.audit.support.AuditServiceTest;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.StepStarted;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The background full pass is paced (it pauses between slices of work) and holds nothing the other verifications
 * wait for while it pauses; a caller waiting for a full pass makes it stop pausing. The metrics' incremental check is
 * paced too, and a caller waiting for an incremental check makes it stop pausing.
 */
class BackgroundVerificationIntegrationTest extends AuditServiceTest {

    @Autowired
    ChainVerifier verifier;

    @Test
    void givenABackgroundPassPausedBetweenSlices_whenAnIncrementalVerificationIsAsked_thenItAnswersWithoutWaitingForThePass()
            throws Exception {
        HeldPause pause = new HeldPause();
        CompletableFuture<ChainVerification> background = aBackgroundPassOverAStoredRun(pause);
        try {
            pause.awaitHeld();

            ChainVerification incremental = CompletableFuture.supplyAsync(this::verify).get(WAIT.toSeconds(), TimeUnit.SECONDS);

            assertThat(incremental.valid()).as(incremental.toString()).isTrue();
            assertThat(background).isNotDone();
        } finally {
            pause.release();
        }
        assertThat(background.get(WAIT.toSeconds(), TimeUnit.SECONDS).valid()).isTrue();
    }

    @Test
    void givenABackgroundPassPausedBetweenSlices_whenAFullVerificationIsAskedFor_thenThePassPausesNoMore_andBothAreIntact()
            throws Exception {
        HeldPause pause = new HeldPause();
        CompletableFuture<ChainVerification> background = aBackgroundPassOverAStoredRun(pause);
        CompletableFuture<ChainVerification> onDemand;
        try {
            pause.awaitHeld();
            onDemand = CompletableFuture.supplyAsync(this::verifyFully);
            await().atMost(WAIT).until(verifier::someoneWaitsForAFullPass);
        } finally {
            pause.release();
        }

        ChainVerification backgroundResult = background.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(backgroundResult.valid()).isTrue();
        assertThat(backgroundResult.checked()).isGreaterThanOrEqualTo(5);
        assertThat(pause.taken()).isEqualTo(1);
        assertThat(onDemand.get(WAIT.toSeconds(), TimeUnit.SECONDS).valid()).isTrue();
    }

    @Test
    void givenAPacedIncrementalCheckPausedBetweenSlices_whenAVerificationIsAsked_thenTheCheckPausesNoMore_andBothAreIntact()
            throws Exception {
        storeARun();
        String laterRun = storeFiveRecords();
        HeldPause pause = new HeldPause();
        CompletableFuture<Optional<ChainVerification>> paced = CompletableFuture.supplyAsync(
                () -> verifier.verifyPacedIfVerifiedBefore(everyRecordASlice(), pause));
        CompletableFuture<ChainVerification> asked;
        try {
            pause.awaitHeld();
            asked = CompletableFuture.supplyAsync(this::verify);
            await().atMost(WAIT).until(verifier::someoneWaitsForAnIncrementalCheck);
        } finally {
            pause.release();
        }

        ChainVerification pacedResult = paced.get(WAIT.toSeconds(), TimeUnit.SECONDS).orElseThrow();
        assertThat(pacedResult.valid()).as(pacedResult.toString()).isTrue();
        assertThat(pacedResult.checked()).as("records checked, the five of " + laterRun + " among them")
                .isGreaterThanOrEqualTo(10);
        assertThat(pause.taken()).isEqualTo(1);
        assertThat(asked.get(WAIT.toSeconds(), TimeUnit.SECONDS).valid()).isTrue();
    }

    private CompletableFuture<ChainVerification> aBackgroundPassOverAStoredRun(HeldPause pause) {
        storeARun();
        return CompletableFuture.supplyAsync(() -> verifier.verifyFullyInTheBackground(everyRecordASlice(), pause));
    }

    /** A clock on which every record's work uses up a whole slice, so the pass would pause after each one. */
    private static LongSupplier everyRecordASlice() {
        AtomicLong now = new AtomicLong();
        return () -> now.addAndGet(Duration.ofSeconds(1).toNanos());
    }

    private void storeARun() {
        storeFiveRecords();
        await().atMost(WAIT).until(() -> verifyFully().valid());
    }

    /** Five records of a new run, stored and not yet verified; answers the run's id. */
    private String storeFiveRecords() {
        String runId = newRunId();
        for (int attempt = 1; attempt <= 5; attempt++) {
            producer().publish(EventEnvelope.of(runId, new StepStarted(runId + ":nmap", "nmap", attempt, "tool-runner-1")));
        }
        await().atMost(WAIT).until(() -> count(runId) == 5);
        return runId;
    }

    /** The first pause lasts until released; later ones are counted and return at once. */
    private static final class HeldPause implements DutyCycle.Sleeper {

        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private final AtomicInteger taken = new AtomicInteger();

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            if (taken.incrementAndGet() == 1) {
                held.countDown();
                released.await();
            }
        }

        void awaitHeld() throws InterruptedException {
            assertThat(held.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the pass paused").isTrue();
        }

        void release() {
            released.countDown();
        }

        int taken() {
            return taken.get();
        }
    }
}
