package io.reconcraft.findings.inbound;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.RunStatusChanged;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.Topics;
import io.reconcraft.messaging.ReadEvents;
import io.reconcraft.messaging.ReadablePoll;
import io.reconcraft.events.model.NodeKind;
import io.reconcraft.findings.report.ReportSteps;
import io.reconcraft.findings.sorting.RunEnd;
import io.reconcraft.findings.sorting.StepIntake;
import io.reconcraft.findings.store.RunRecord;
import io.reconcraft.findings.store.RunStore;
import io.reconcraft.findings.store.TimelineRecord;
import io.reconcraft.findings.store.TimelineStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows every run: its timeline, each node's result (sorted into new / reopened / unchanged), and its end
 * (what it resolved). A report step waiting for a result is looked at again as soon as one arrives.
 *
 * <p>A poll's worth of events is applied at once: the timeline in one bulk write, the runs they name in one query,
 * the batch's node results sorted together, then its run ends resolved together. Results come before ends: an end
 * in the same batch is always of a run whose results arrived before it (a result after its run's end is only ever a
 * redelivery of one applied already). Every step is idempotent, so a batch applied again changes nothing twice.
 */
@Component
@RequiredArgsConstructor
public class RunEventsListener {

    private static final Logger log = LoggerFactory.getLogger(RunEventsListener.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(60);

    private final StepIntake steps;
    private final RunEnd runEnd;
    private final RunStore runs;
    private final TimelineStore timeline;
    private final ReportSteps reports;

    // No run waits on this listener but one with a report node, whose step waits for the results it reads: a fetch
    // may gather up to 50 ms of events (or 64 KB), so a stack at a steady load sorts its runs a poll of several at a
    // time (a timeline write, a run query, a step write each) instead of one poll per event. The runs' requests are
    // read at once (RunRequestListener): a result sorted before its run's request is known lacks its workflow.
    @KafkaListener(topics = Topics.RUN_EVENTS, batch = "true", properties = {
            ReadEvents.PROPERTY + "=StepStarted,StepCompleted,RunStatusChanged,RunCompleted",
            "fetch.min.bytes=65536", "fetch.max.wait.ms=50"})
    public void on(List<ConsumerRecord<String, EventEnvelope>> records) {
        ReadablePoll.applyTogetherOrOneByOne(records, this::apply);
    }

    private void apply(List<ConsumerRecord<String, EventEnvelope>> records) {
        List<TimelineRecord> entries = new ArrayList<>();
        List<StepIntake.Result> results = new ArrayList<>();
        List<RunEnd.End> ends = new ArrayList<>();
        for (ConsumerRecord<String, EventEnvelope> record : records) {
            EventEnvelope event = record.value();
            if (event.runId() == null) {
                continue;
            }
            if (event.payload() instanceof StepStarted started) {
                entries.add(entry(event, started.stepId(), started.nodeId(), "running",
                        "started (attempt " + started.attempt() + ")"));
            } else if (event.payload() instanceof StepCompleted completed) {
                String status = lower(completed.status());
                entries.add(entry(event, completed.stepId(), completed.nodeId(), status,
                        status + (completed.outcome() == null ? "" : " (" + completed.outcome() + ")")
                                + (completed.error() == null ? "" : ": " + completed.error())
                                + ", " + completed.findings().size() + " finding(s)"));
                if (StepIntake.isNodeResult(event.runId(), completed)) {
                    results.add(new StepIntake.Result(event, completed));
                }
            } else if (event.payload() instanceof RunStatusChanged changed) {
                String status = lower(changed.status());
                entries.add(entry(event, null, null, status, "run " + status
                        + (changed.outcome() == null ? "" : " (" + changed.outcome() + ")")));
            } else if (event.payload() instanceof RunCompleted completed) {
                String status = lower(completed.status());
                entries.add(entry(event, null, null, status, "run ended " + status
                        + (completed.outcome() == null ? "" : " (" + completed.outcome() + ")")));
                ends.add(new RunEnd.End(event, completed));
            }
        }
        if (entries.isEmpty()) {
            return;
        }
        timeline.saveAll(entries).block(WRITE_TIMEOUT);
        if (results.isEmpty() && ends.isEmpty()) {
            return;
        }
        Set<String> runIds = new LinkedHashSet<>();
        results.forEach(result -> runIds.add(result.event().runId()));
        ends.forEach(end -> runIds.add(end.event().runId()));
        Map<String, RunRecord> known = runs.byIds(runIds).collectMap(RunRecord::id).block(WRITE_TIMEOUT);
        steps.apply(results, known);
        Set<String> mayHaveReports = new LinkedHashSet<>();
        for (StepIntake.Result result : results) {
            RunRecord run = known.get(result.event().runId());
            // only a run with a report node (or one whose request is not here yet) can have a report step waiting
            if (run == null || run.nodes().values().stream().anyMatch(n -> NodeKind.REPORT.wireName().equals(n.kind()))) {
                mayHaveReports.add(result.event().runId());
            }
        }
        reports.lookAgain(mayHaveReports);
        runEnd.apply(ends, known);
        log.debug("applied {} event(s): {} result(s), {} end(s)", records.size(), results.size(), ends.size());
    }

    private static String lower(Enum<?> status) {
        return status == null ? null : status.name().toLowerCase(Locale.ROOT);
    }

    private static TimelineRecord entry(EventEnvelope event, String stepId, String nodeId, String status,
                                        String message) {
        return new TimelineRecord(event.eventId(), event.runId(), event.occurredAt(), stepId, nodeId, event.type(),
                status, message);
    }

}
