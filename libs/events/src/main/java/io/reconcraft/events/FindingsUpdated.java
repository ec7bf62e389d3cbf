package io.reconcraft.events;

import java.util.List;

/**
 * The findings service sorted a step's findings against what it stored before: for each finding of the step
 * (by its index in the step's findings) the stored finding's id and its change in this run
 * ({@code new | reopened | unchanged}). At the end of a run one more, with no step, lists the ids of the
 * findings the run {@code resolved}. Each change also carries the finding's triage as it stood then, so a reader
 * (the notifier's {@code onlyNew} alerts) can leave out false positives and accepted risks without asking.
 */
public record FindingsUpdated(String stepId, String nodeId, List<FindingChange> findings, List<String> resolved)
        implements EventPayload {

    public FindingsUpdated {
        findings = findings == null ? List.of() : List.copyOf(findings);
        resolved = resolved == null ? List.of() : List.copyOf(resolved);
    }

    /**
     * @param index  place of the finding in the step's findings
     * @param triage {@code untriaged | confirmed | false_positive | accepted_risk | fixed}; null from a sender that
     *               predates it (read as untriaged)
     */
    public record FindingChange(int index, String findingId, String change, String triage) {

        public FindingChange(int index, String findingId, String change) {
            this(index, findingId, change, null);
        }

        /** New or reopened, and not triaged away: what an {@code onlyNew} alert is about. */
        public boolean isNewAndNotTriagedAway() {
            return ("new".equals(change) || "reopened".equals(change))
                    && !"false_positive".equals(triage) && !"accepted_risk".equals(triage);
        }
    }
}
