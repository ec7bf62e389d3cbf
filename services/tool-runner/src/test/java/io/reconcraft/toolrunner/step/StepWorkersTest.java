package io.reconcraft.toolrunner.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reconcraft.toolrunner.config.ToolRunnerProperties;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StepWorkersTest {

    private final StepWorkers workers = new StepWorkers(new ToolRunnerProperties("worker-1", null, 1));
    private final CountDownLatch reported = new CountDownLatch(1);

    @AfterEach
    void stop() throws InterruptedException {
        reported.countDown();
        workers.destroy();
    }

    @Test
    void givenOneSlot_whenTheStepHoldingItFreesItAndGoesOnReporting_thenTheNextStepGetsTheSlot() throws Exception {
        CountDownLatch freed = new CountDownLatch(1);
        try (StepWorkers.Slot slot = workers.reserve()) {
            slot.handOver(() -> {
                slot.free();
                freed.countDown();
                awaitQuietly(reported);
            });
        }

        assertThat(freed.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(workers.freeSlots()).as("the first step still reports, its slot is free").isEqualTo(1);
        try (StepWorkers.Slot next = workers.reserve()) {
            assertThat(workers.freeSlots()).isZero();
        }
    }

    @Test
    void givenAStepThatNeverFreesItsSlot_whenItRuns_thenTheSlotIsHeldUntilItEnds() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        try (StepWorkers.Slot slot = workers.reserve()) {
            slot.handOver(() -> {
                running.countDown();
                awaitQuietly(reported);
            });
        }
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(workers.freeSlots()).isZero();

        reported.countDown();

        await().atMost(30, TimeUnit.SECONDS).until(workers::freeSlots, free -> free == 1);
    }

    @Test
    void givenASlotFreedTwiceAndClosed_whenCounted_thenItCameBackOnce() throws Exception {
        StepWorkers.Slot slot = workers.reserve();

        slot.free();
        slot.free();
        slot.close();

        assertThat(workers.freeSlots()).isEqualTo(1);
    }

    @Test
    void givenThreeSlotsOneOfThemHeld_whenFiveAreWanted_thenTheTwoFreeOnesAreTakenWithoutWaitingForMore()
            throws Exception {
        StepWorkers three = new StepWorkers(new ToolRunnerProperties("worker-1", null, 3));
        try (StepWorkers.Slot held = three.reserve()) {
            List<StepWorkers.Slot> taken = three.reserve(5);

            assertThat(taken).hasSize(2);
            assertThat(three.freeSlots()).isZero();
            taken.forEach(StepWorkers.Slot::close);
        } finally {
            three.destroy();
        }
        assertThat(three.freeSlots()).isEqualTo(3);
    }

    @Test
    void givenThreeFreeSlots_whenTwoAreWanted_thenTwoAreTakenAndOneStaysFree() throws Exception {
        StepWorkers three = new StepWorkers(new ToolRunnerProperties("worker-1", null, 3));
        try {
            List<StepWorkers.Slot> taken = three.reserve(2);

            assertThat(taken).hasSize(2);
            assertThat(three.freeSlots()).isEqualTo(1);
        } finally {
            three.destroy();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
