package io.reconcraft.gateway.run;

import io.reconcraft.events.model.RunMode;
import io.reconcraft.gateway.error.FieldProblem;
import io.reconcraft.workflow.InvalidTargetException;
import io.reconcraft.workflow.Target;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Field checks shared by both ways of starting a run; each adds what is wrong to {@code problems}. */
final class RunInputChecks {

    static final int MAX_TARGETS = 1000;

    private RunInputChecks() {
    }

    /** The targets in canonical form, without repeats; entries that do not parse are reported as {@code targets[i]}. */
    static List<String> targets(List<String> raw, List<FieldProblem> problems) {
        if (raw == null || raw.isEmpty()) {
            problems.add(new FieldProblem("targets", "at least one target is required"));
            return List.of();
        }
        if (raw.size() > MAX_TARGETS) {
            problems.add(new FieldProblem("targets", "at most " + MAX_TARGETS + " targets per run"));
            return List.of();
        }
        Set<String> parsed = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            try {
                parsed.add(Target.parse(raw.get(i)).value());
            } catch (InvalidTargetException e) {
                problems.add(new FieldProblem("targets[" + i + "]", e.getMessage()));
            }
        }
        return List.copyOf(parsed);
    }

    static void runMode(RunMode runMode, List<FieldProblem> problems) {
        if (runMode == null) {
            problems.add(new FieldProblem("runMode", "required: one of live, demo"));
        }
    }
}
