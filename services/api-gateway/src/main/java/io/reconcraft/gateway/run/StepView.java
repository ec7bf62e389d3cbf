package io.reconcraft.gateway.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.gateway.findings.StepFinding;
import java.time.Instant;
import java.util.List;

/** One node of a run as the Studio shows it; {@code status} stays in the closed set, finer detail goes in {@code outcome}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepView(
        String nodeId,
        String name,
        RunStatus status,
        List<String> logs,
        List<StepFinding> findings,
        Instant startedAt,
        Instant completedAt,
        String outcome) {

    public StepView {
        logs = logs == null ? List.of() : logs;
        findings = findings == null ? List.of() : findings;
    }

    public static StepView queued(String nodeId, String name) {
        return new StepView(nodeId, name, RunStatus.QUEUED, List.of(), List.of(), null, null, null);
    }

    /** This step as a read of its stored document gives it (see {@link RunView#atStoredPrecision}). */
    public StepView atStoredPrecision() {
        return new StepView(nodeId, name, status, logs, findings, StoredTimes.of(startedAt),
                StoredTimes.of(completedAt), outcome);
    }

    /** This step with {@code logs} and {@code findings} in place of its own. */
    public StepView withDetails(List<String> logs, List<StepFinding> findings) {
        return new StepView(nodeId, name, status, logs, findings, startedAt, completedAt, outcome);
    }

    public StepView withFindings(List<StepFinding> filed) {
        return new StepView(nodeId, name, status, logs, filed, startedAt, completedAt, outcome);
    }
}
