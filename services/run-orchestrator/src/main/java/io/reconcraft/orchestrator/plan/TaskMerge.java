package io.reconcraft.orchestrator.plan;

import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.orchestrator.store.StepDocument;
import io.reconcraft.orchestrator.store.StepJson;
import io.reconcraft.orchestrator.store.StepResult;
import io.reconcraft.orchestrator.store.TaskDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a step from its ended tasks. One task: its result as it is. Several: failed if any task
 * failed (outcome of the first failed task, error naming each failed target), findings of all tasks,
 * and outputs merged: list values (such as {@code hosts} of nmap or {@code responses} of http-probe)
 * concatenated in task order, other values from the first task that has them, and every task's own
 * result under {@code tasks}.
 */
public final class TaskMerge {

    static final int ERRORS_LISTED = 3;

    private TaskMerge() {
    }

    public static StepResult merge(StepDocument step) {
        List<TaskDocument> tasks = step.tasks();
        if (tasks.size() == 1) {
            TaskDocument task = tasks.get(0);
            return new StepResult(task.runStatus(), task.outcome(), task.error(), StepJson.findings(task),
                    StepJson.outputs(task), null);
        }
        List<Finding> findings = new ArrayList<>();
        Map<String, Object> outputs = new LinkedHashMap<>();
        List<Map<String, Object>> perTask = new ArrayList<>();
        List<TaskDocument> failed = new ArrayList<>();
        for (TaskDocument task : tasks) {
            findings.addAll(StepJson.findings(task));
            Map<String, Object> own = StepJson.outputs(task);
            own.forEach((key, value) -> mergeValue(outputs, key, value));
            perTask.add(describe(task, own));
            if (task.runStatus() == RunStatus.FAILED) {
                failed.add(task);
            }
        }
        outputs.put("tasks", perTask);
        if (failed.isEmpty()) {
            return new StepResult(RunStatus.SUCCEEDED, null, null, findings, outputs, null);
        }
        return new StepResult(RunStatus.FAILED, failed.get(0).outcome(), error(failed, tasks.size()), findings,
                outputs, null);
    }

    @SuppressWarnings("unchecked")
    private static void mergeValue(Map<String, Object> outputs, String key, Object value) {
        Object existing = outputs.get(key);
        if (existing == null) {
            outputs.put(key, value instanceof List<?> list ? new ArrayList<>(list) : value);
        } else if (existing instanceof List<?> list && value instanceof List<?> more) {
            ((List<Object>) list).addAll(more);
        }
    }

    private static Map<String, Object> describe(TaskDocument task, Map<String, Object> outputs) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("stepId", task.stepId());
        described.put("target", task.target());
        described.put("status", task.status());
        described.put("attempt", task.attempt());
        if (task.outcome() != null) {
            described.put("outcome", task.outcome());
        }
        if (task.error() != null) {
            described.put("error", task.error());
        }
        described.put("outputs", outputs);
        return described;
    }

    private static String error(List<TaskDocument> failed, int total) {
        StringBuilder error = new StringBuilder(failed.size() + " of " + total + " tasks failed");
        String separator = ": ";
        for (TaskDocument task : failed.subList(0, Math.min(ERRORS_LISTED, failed.size()))) {
            error.append(separator).append(task.target()).append(" (")
                    .append(task.error() == null ? task.outcome() : task.error()).append(')');
            separator = "; ";
        }
        if (failed.size() > ERRORS_LISTED) {
            error.append("; and ").append(failed.size() - ERRORS_LISTED).append(" more");
        }
        return error.toString();
    }
}
