package io.reconcraft.orchestrator.condition;

import io.reconcraft.events.model.SeverityCounts;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Finding counts per severity, as {@code severities.high} and so on. */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public final class SeverityFacts {

    private final SeverityCounts counts;

    public int getLow() {
        return counts.low();
    }

    public int getMedium() {
        return counts.medium();
    }

    public int getHigh() {
        return counts.high();
    }

    public int getCritical() {
        return counts.critical();
    }
}
