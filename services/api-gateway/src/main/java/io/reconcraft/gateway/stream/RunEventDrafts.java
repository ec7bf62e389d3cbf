package io.reconcraft.gateway.stream;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.RunStatusChanged;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepLog;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.StepOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** What SSE clients are told about each run or step event: the data of the run, step, log and finding events. */
@Component
@RequiredArgsConstructor
public class RunEventDrafts {

    private final JsonMapper json;

    public List<RunEvent.Draft> stepStarted(EventEnvelope event, StepStarted started) {
        return List.of(step(event, started.nodeId(), RunStatus.RUNNING, null, started.attempt()));
    }

    public List<RunEvent.Draft> stepLog(EventEnvelope event, StepLog logged) {
        Map<String, Object> data = base(event);
        data.put("nodeId", logged.nodeId());
        data.put("lines", logged.lines());
        return List.of(draft(RunEvent.LOG, data, false));
    }

    public List<RunEvent.Draft> stepCompleted(EventEnvelope event, StepCompleted completed) {
        List<RunEvent.Draft> drafts = new ArrayList<>();
        drafts.add(step(event, completed.nodeId(), completed.status(), StepOutcome.wireOf(completed.outcome()), completed.attempt()));
        for (Finding finding : completed.findings()) {
            Map<String, Object> data = base(event);
            data.put("nodeId", completed.nodeId());
            data.put("finding", finding);
            drafts.add(draft(RunEvent.FINDING, data, false));
        }
        return drafts;
    }

    public List<RunEvent.Draft> runStatusChanged(EventEnvelope event, RunStatusChanged changed) {
        Map<String, Object> data = base(event);
        data.put("status", changed.status());
        putIfPresent(data, "outcome", StepOutcome.wireOf(changed.outcome()));
        return List.of(draft(RunEvent.RUN, data, false));
    }

    /** The run's final event: a stream ends after it. */
    public List<RunEvent.Draft> runCompleted(EventEnvelope event, RunCompleted completed) {
        Map<String, Object> data = base(event);
        data.put("status", completed.status());
        putIfPresent(data, "outcome", StepOutcome.wireOf(completed.outcome()));
        putIfPresent(data, "summary", completed.summary());
        data.put("endedAt", event.occurredAt());
        return List.of(draft(RunEvent.RUN, data, true));
    }

    private RunEvent.Draft step(EventEnvelope event, String nodeId, RunStatus status, String outcome, int attempt) {
        Map<String, Object> data = base(event);
        data.put("nodeId", nodeId);
        data.put("status", status);
        putIfPresent(data, "outcome", outcome);
        data.put("attempt", attempt);
        return draft(RunEvent.STEP, data, false);
    }

    private static Map<String, Object> base(EventEnvelope event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("runId", event.runId());
        data.put("at", event.occurredAt());
        return data;
    }

    private static void putIfPresent(Map<String, Object> data, String key, Object value) {
        if (value != null) {
            data.put(key, value);
        }
    }

    private RunEvent.Draft draft(String type, Map<String, Object> data, boolean terminal) {
        return new RunEvent.Draft(type, json.writeValueAsString(data), terminal);
    }
}
