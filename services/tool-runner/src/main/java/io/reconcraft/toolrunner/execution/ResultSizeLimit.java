package io.reconcraft.toolrunner.execution;

import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.events.EventCodec;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.RunStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.springframework.stereotype.Component;

/**
 * Keeps a StepCompleted under Kafka's request limit (1 MB by default) by design: a tool may print 16 MB, and an
 * event that cannot be sent is a step that never ends. Too large a result is cut, saying so in the outputs
 * ({@value #NOTE}): first its outputs (long lists keep their head, long texts their beginning, the rest of a big
 * value is dropped), then its findings (the first ones are kept). If even that does not fit, the step fails with
 * the reason.
 */
@Component
public class ResultSizeLimit {

    public static final String NOTE = "truncated";
    static final String TRUNCATED_TEXT = "… [truncated]";

    /** Room kept for the notes added after cutting. */
    private static final int NOTES_MARGIN = 4096;

    private final int maxBytes;
    private final int cutTarget;

    public ResultSizeLimit(ResultLimitProperties properties) {
        this.maxBytes = properties.maxEventBytes();
        this.cutTarget = Math.max(maxBytes / 2, maxBytes - NOTES_MARGIN);
    }

    /** {@code completed} itself when it fits; else a cut-down one that fits, or a failure that says why. */
    public StepCompleted fit(String runId, StepCompleted completed) {
        int size = size(runId, completed);
        if (size <= maxBytes) {
            return completed;
        }
        List<String> notes = new ArrayList<>();
        Map<String, Object> outputs = new LinkedHashMap<>(completed.outputs() == null ? Map.of() : completed.outputs());
        outputs.put(NOTE, notes);
        List<Finding> findings = completed.findings() == null ? List.of() : completed.findings();
        notes.add("the result (" + size + " bytes) was larger than the " + maxBytes + "-byte event limit");

        List<String> biggestFirst = new ArrayList<>(outputs.keySet());
        biggestFirst.remove(NOTE);
        biggestFirst.sort(Comparator.comparingInt((String key) -> json(outputs.get(key))).reversed());
        for (String key : biggestFirst) {
            // each cut aims at cutTarget; the notes it adds must not make the next, smaller output pay for them
            if (size(runId, with(completed, findings, outputs)) <= (cutTarget + maxBytes) / 2) {
                break;
            }
            cut(runId, completed, findings, outputs, key, notes);
        }
        if (size(runId, with(completed, findings, outputs)) > maxBytes && !findings.isEmpty()) {
            List<Finding> all = findings;
            Map<String, Object> fixedOutputs = outputs;
            int kept = longestFitting(all.size(), n -> with(completed, all.subList(0, n), fixedOutputs), runId);
            notes.add("findings: the first " + kept + " of " + all.size() + " are kept");
            findings = all.subList(0, kept);
        }
        StepCompleted fitted = with(completed, findings, outputs);
        if (size(runId, fitted) <= maxBytes) {
            return fitted;
        }
        return new StepCompleted(completed.stepId(), completed.nodeId(), completed.attempt(), RunStatus.FAILED,
                StepOutcome.ERROR, "the step's result (" + size + " bytes) does not fit the " + maxBytes
                + "-byte event limit even when cut down", List.of(), Map.of());
    }

    private void cut(String runId, StepCompleted completed, List<Finding> findings, Map<String, Object> outputs,
                     String key, List<String> notes) {
        Object value = outputs.get(key);
        if (value instanceof List<?> list && !list.isEmpty()) {
            int kept = longestFitting(list.size(), n -> {
                Map<String, Object> trial = new LinkedHashMap<>(outputs);
                trial.put(key, list.subList(0, n));
                return with(completed, findings, trial);
            }, runId);
            outputs.put(key, new ArrayList<>(list.subList(0, kept)));
            notes.add(key + ": the first " + kept + " of " + list.size() + " entries are kept");
        } else if (value instanceof String text && !text.isEmpty()) {
            int kept = longestFitting(text.length(), n -> {
                Map<String, Object> trial = new LinkedHashMap<>(outputs);
                trial.put(key, text.substring(0, n) + TRUNCATED_TEXT);
                return with(completed, findings, trial);
            }, runId);
            outputs.put(key, text.substring(0, kept) + TRUNCATED_TEXT);
            notes.add(key + ": the first " + kept + " of " + text.length() + " characters are kept");
        } else {
            outputs.remove(key);
            notes.add(key + ": dropped (" + json(value) + " bytes)");
        }
    }

    /** The largest n in [0, max] whose event fits (0 when none does); binary search, so a few serializations. */
    private int longestFitting(int max, IntFunction<StepCompleted> candidate, String runId) {
        int low = 0;
        int high = max;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (size(runId, candidate.apply(mid)) <= cutTarget) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    private static StepCompleted with(StepCompleted completed, List<Finding> findings, Map<String, Object> outputs) {
        return new StepCompleted(completed.stepId(), completed.nodeId(), completed.attempt(), completed.status(),
                completed.outcome(), completed.error(), findings, new LinkedHashMap<>(outputs));
    }

    private static int size(String runId, StepCompleted completed) {
        return EventCodec.write(EventEnvelope.of(runId, completed)).length;
    }

    private static int json(Object value) {
        return EventCodec.mapper().writeValueAsBytes(value).length;
    }
}
