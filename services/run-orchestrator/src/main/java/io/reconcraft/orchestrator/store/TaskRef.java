package io.reconcraft.orchestrator.store;

/** One task of a run as read at one moment: where it lives in the run document, and its state then. */
public record TaskRef(String runId, int stepIndex, int taskIndex, StepDocument step, TaskDocument task) {

    public static TaskRef of(RunDocument run, int stepIndex, int taskIndex) {
        StepDocument step = run.steps().get(stepIndex);
        return new TaskRef(run.id(), stepIndex, taskIndex, step, step.tasks().get(taskIndex));
    }

    /** The field path prefix of this task, ending with a dot. */
    public String path() {
        return "steps." + stepIndex + ".tasks." + taskIndex + ".";
    }

    public boolean isFanOut() {
        return step.tasks().size() > 1;
    }
}
