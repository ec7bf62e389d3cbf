package io.reconcraft.orchestrator.store;

/**
 * One task of a run as read at one moment: where it lives in the run document, and its state then.
 *
 * @param resultKeptApart its result goes to a document of its own ({@link TaskResultStore}), not into the run's
 */
public record TaskRef(String runId, int stepIndex, int taskIndex, StepDocument step, TaskDocument task,
                      boolean resultKeptApart) {

    /**
     * Above this many steps in a run, or tasks in a step, the run keeps its tasks' results apart: every update of a run
     * rewrites the whole document in the store, and a run of 1,000 steps held ~1.9 MB of results in 2.3 MB
     * (2026-12-06). A run of the usual few steps keeps them in its tasks, which costs no round trip of its own.
     */
    static final int RESULTS_IN_THE_RUN_UP_TO = 32;

    public static TaskRef of(RunDocument run, int stepIndex, int taskIndex) {
        StepDocument step = run.steps().get(stepIndex);
        return new TaskRef(run.id(), stepIndex, taskIndex, step, step.tasks().get(taskIndex), keepsResultsApart(run, step));
    }

    /** Whether the tasks of {@code step} in {@code run} keep their results apart from the run document. */
    public static boolean keepsResultsApart(RunDocument run, StepDocument step) {
        return run.steps().size() > RESULTS_IN_THE_RUN_UP_TO || step.tasks().size() > RESULTS_IN_THE_RUN_UP_TO;
    }

    /** This task in the state {@code task}, everything else the same. */
    public TaskRef withTask(TaskDocument task) {
        return new TaskRef(runId, stepIndex, taskIndex, step, task, resultKeptApart);
    }

    /** The field path prefix of this task, ending with a dot. */
    public String path() {
        return "steps." + stepIndex + ".tasks." + taskIndex + ".";
    }

    public boolean isFanOut() {
        return step.tasks().size() > 1;
    }
}
