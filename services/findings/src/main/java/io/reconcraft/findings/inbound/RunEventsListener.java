package io.reconcraft.findings.inbound;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.RunStatusChanged;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.Topics;
import io.reconcraft.findings.report.ReportSteps;
import io.reconcraft.findings.sorting.RunEnd;
import io.reconcraft.findings.sorting.StepIntake;
import io.reconcraft.findings.store.TimelineRecord;
import io.reconcraft.findings.store.TimelineStore;
import java.time.Duration;
import java.util.Locale;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Follows every run: its timeline, each node's result (sorted into new / reopened / unchanged), and its end
 * (what it resolved). A report step waiting for a result is looked at again as soon as one arrives.
 */
@Component
public class RunEventsListener {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(60);

    private final StepIntake steps;
    private final RunEnd runEnd;
    private final TimelineStore timeline;
    private final ReportSteps reports;

    public RunEventsListener(StepIntake steps, RunEnd runEnd, TimelineStore timeline, ReportSteps reports) {
        this.steps = steps;
        this.runEnd = runEnd;
        this.timeline = timeline;
        this.reports = reports;
    }

    @KafkaListener(topics = Topics.RUN_EVENTS)
    public void on(EventEnvelope event) {
        if (event.runId() == null) {
            return;
        }
        Mono<?> work = Mono.empty();
        if (event.payload() instanceof StepStarted started) {
            work = timeline.save(entry(event, started.stepId(), started.nodeId(), "running",
                    "started (attempt " + started.attempt() + ")"));
        } else if (event.payload() instanceof StepCompleted completed) {
            String status = completed.status() == null ? null : completed.status().name().toLowerCase(Locale.ROOT);
            Mono<?> stored = timeline.save(entry(event, completed.stepId(), completed.nodeId(), status,
                    status + (completed.outcome() == null ? "" : " (" + completed.outcome() + ")")
                            + (completed.error() == null ? "" : ": " + completed.error())
                            + ", " + completed.findings().size() + " finding(s)"));
            if (StepIntake.isNodeResult(event.runId(), completed)) {
                stored = stored.then(steps.apply(event, completed));
            }
            work = stored;
        } else if (event.payload() instanceof RunStatusChanged changed) {
            String status = changed.status() == null ? null : changed.status().name().toLowerCase(Locale.ROOT);
            work = timeline.save(entry(event, null, null, status, "run " + status
                    + (changed.outcome() == null ? "" : " (" + changed.outcome() + ")")));
        } else if (event.payload() instanceof RunCompleted completed) {
            String status = completed.status() == null ? null : completed.status().name().toLowerCase(Locale.ROOT);
            work = timeline.save(entry(event, null, null, status, "run ended " + status
                            + (completed.outcome() == null ? "" : " (" + completed.outcome() + ")")))
                    .then(runEnd.apply(event, completed));
        }
        work.block(WRITE_TIMEOUT);
        if (event.payload() instanceof StepCompleted) {
            reports.lookAgain(event.runId());
        }
    }

    private static TimelineRecord entry(EventEnvelope event, String stepId, String nodeId, String status,
                                        String message) {
        return new TimelineRecord(event.eventId(), event.runId(), event.occurredAt(), stepId, nodeId, event.type(),
                status, message);
    }
}
