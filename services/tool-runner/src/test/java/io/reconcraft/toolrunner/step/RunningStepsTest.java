package io.reconcraft.toolrunner.step;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunningStepsTest {

    private final RunningSteps running = new RunningSteps();

    @Test
    void givenAStepThatIsExecuting_whenCancelled_thenItsWorkerIsInterruptedAndTheReasonComesBackAtTheEnd() {
        RunningStep step = running.add("run-1:nmap-1", 1);
        assertThat(step.beginExecution()).isTrue();

        boolean cancelled = running.cancel("run-1:nmap-1", 1, "run cancelled");

        assertThat(cancelled).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(step.endExecution()).isEqualTo("run cancelled");
        assertThat(Thread.currentThread().isInterrupted()).as("the end clears the interrupt").isFalse();
    }

    @Test
    void givenAStepCancelledBeforeItBegan_whenItsWorkerStarts_thenItDoesNotExecute() {
        RunningStep step = running.add("run-1:nmap-1", 1);

        running.cancel("run-1:nmap-1", 1, null);

        assertThat(step.beginExecution()).isFalse();
        assertThat(step.endExecution()).isEqualTo("cancelled");
    }

    @Test
    void givenAStepThatAlreadyEnded_whenCancelled_thenNothingChanges() {
        RunningStep step = running.add("run-1:nmap-1", 1);
        step.beginExecution();
        assertThat(step.endExecution()).isNull();

        assertThat(running.cancel("run-1:nmap-1", 1, "too late")).isFalse();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void givenAnAttemptThisRunnerDoesNotHold_whenCancelled_thenItIsIgnored() {
        running.add("run-1:nmap-1", 1);

        assertThat(running.cancel("run-1:nmap-1", 2, "other attempt")).isFalse();
        assertThat(running.cancel("run-9:nmap-1", 1, "other step")).isFalse();
    }
}
