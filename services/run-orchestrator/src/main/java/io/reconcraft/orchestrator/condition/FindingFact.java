package io.reconcraft.orchestrator.condition;

import io.reconcraft.events.model.Finding;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** One upstream finding as a condition sees it: read-only bean properties, severity in its wire name. */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public final class FindingFact {

    private final Finding finding;

    public String getSeverity() {
        return finding.severity() == null ? null : finding.severity().wireName();
    }

    public String getTitle() {
        return finding.title();
    }

    public String getService() {
        return finding.service();
    }

    public Integer getPort() {
        return finding.port();
    }

    public String getTarget() {
        return finding.target();
    }

    public String getTool() {
        return finding.tool();
    }
}
