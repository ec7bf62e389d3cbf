package io.reconcraft.findings.report;

import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.events.ReportWritten;
import io.reconcraft.events.StepCancelRequested;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepLog;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.UpstreamOutput;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.findings.config.FindingsProperties;
import io.reconcraft.findings.store.ReportRecord;
import io.reconcraft.findings.store.ReportStep;
import io.reconcraft.findings.store.ReportStepStore;
import io.reconcraft.findings.store.StepRecord;
import io.reconcraft.findings.store.StepStore;
import io.reconcraft.messaging.EventPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Executes report steps. A request can arrive before this service has read the results of the steps above it
 * (requests and results are on different topics), so a step waits, stored, until each upstream node's result is
 * known here, and is looked at again whenever a result arrives and on a timer. Then one instance claims it,
 * writes the files and answers StepStarted, one StepLog line per file, ReportWritten per file and StepCompleted.
 */
@Component
@RequiredArgsConstructor
public class ReportSteps {

    private static final Logger log = LoggerFactory.getLogger(ReportSteps.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(60);

    private final ReportStepStore store;
    private final StepStore steps;
    private final ReportWriter writer;
    private final EventPublisher publisher;
    private final FindingsProperties properties;
    private final Clock clock;

    public void accept(String runId, StepRequested request) {
        List<String> upstream = request.upstream().stream().map(UpstreamOutput::nodeId).distinct().toList();
        ReportStep stored = store.accept(new ReportStep(ReportStep.idOf(request.stepId(), request.attempt()), runId,
                request.stepId(), request.nodeId(), request.name(), request.attempt(), request.config(), upstream,
                clock.instant(), ReportStep.WAITING, null)).block(WRITE_TIMEOUT);
        if (stored == null || ReportStep.DONE.equals(stored.status()) || ReportStep.CANCELLED.equals(stored.status())) {
            return;
        }
        publisher.publish(runId, new StepStarted(request.stepId(), request.nodeId(), request.attempt(),
                properties.workerId()));
        tryRun(stored);
    }

    public void cancel(String runId, StepCancelRequested cancel) {
        Instant now = clock.instant();
        for (ReportStep step : store.ofStep(cancel.stepId()).collectList().block(WRITE_TIMEOUT)) {
            if (step.attempt() == cancel.attempt()
                    && Boolean.TRUE.equals(store.claim(step.id(), now, now.plus(properties.reportLease())).block(WRITE_TIMEOUT))) {
                complete(step, RunStatus.FAILED, StepOutcome.CANCELLED, cancel.reason(), Map.of());
                store.finish(step.id(), ReportStep.CANCELLED).block(WRITE_TIMEOUT);
            }
        }
    }

    /** Results of these runs arrived: a report step waiting for them may go now. */
    public void lookAgain(java.util.Collection<String> runIds) {
        if (runIds.isEmpty()) {
            return;
        }
        store.waitingOf(runIds).collectList().block(WRITE_TIMEOUT).forEach(this::tryRun);
    }

    /**
     * The timer only matters for steps whose results never arrive (failed after the wait limit) and for steps of an
     * instance that died (taken over after the lease): arrivals wake a waiting step at once.
     */
    @Scheduled(fixedDelayString = "${reconcraft.findings.report-poll-interval:5s}")
    void poll() {
        try {
            store.open(clock.instant()).collectList().block(WRITE_TIMEOUT).forEach(this::tryRun);
        } catch (RuntimeException e) {
            log.warn("report steps could not be looked at: {}", e.toString());
        }
    }

    void tryRun(ReportStep step) {
        Instant now = clock.instant();
        List<String> upstream = step.upstreamNodeIds().stream().map(nodeId -> StepRecord.idOf(step.runId(), nodeId))
                .distinct().toList();
        boolean ready = upstream.isEmpty()
                || Long.valueOf(upstream.size()).equals(steps.countOf(upstream).block(WRITE_TIMEOUT));
        boolean overdue = step.receivedAt() != null && step.receivedAt().plus(properties.reportWaitLimit()).isBefore(now);
        if (!ready && !overdue) {
            return;
        }
        if (!Boolean.TRUE.equals(store.claim(step.id(), now, now.plus(properties.reportLease())).block(WRITE_TIMEOUT))) {
            return;
        }
        if (!ready) {
            complete(step, RunStatus.FAILED, StepOutcome.UPSTREAM_UNKNOWN, "the results of the steps before the report did not "
                    + "arrive within " + properties.reportWaitLimit().toSeconds() + " s", Map.of());
            store.finish(step.id(), ReportStep.DONE).block(WRITE_TIMEOUT);
            return;
        }
        write(step);
        store.finish(step.id(), ReportStep.DONE).block(WRITE_TIMEOUT);
    }

    private void write(ReportStep step) {
        ReportConfig config;
        try {
            config = ReportConfig.of(step.config());
        } catch (IllegalArgumentException e) {
            complete(step, RunStatus.FAILED, StepOutcome.INVALID_CONFIG, e.getMessage(), Map.of());
            return;
        }
        List<ReportRecord> written;
        try {
            written = writer.write(step.runId(), step.stepId(), step.nodeId(), step.id(), config).block(WRITE_TIMEOUT);
        } catch (RuntimeException e) {
            log.warn("report step {} of run {} failed", step.stepId(), step.runId(), e);
            complete(step, RunStatus.FAILED, StepOutcome.REPORT_FAILED, "the report could not be written: " + e.getMessage(),
                    Map.of());
            return;
        }
        List<String> lines = new ArrayList<>();
        List<Map<String, Object>> reports = new ArrayList<>();
        for (ReportRecord report : written) {
            lines.add("wrote " + report.fileName() + " (" + report.format() + ", " + report.size() + " bytes) as report "
                    + report.id());
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("id", report.id());
            described.put("format", report.format());
            described.put("fileName", report.fileName());
            described.put("contentType", report.contentType());
            described.put("size", report.size());
            reports.add(described);
        }
        publisher.publish(step.runId(), new StepLog(step.stepId(), step.nodeId(), step.attempt(), lines));
        for (ReportRecord report : written) {
            publisher.publish(step.runId(), new ReportWritten(report.id(), step.stepId(), step.nodeId(), report.format(),
                    report.fileName(), report.contentType(), report.size()));
        }
        complete(step, RunStatus.SUCCEEDED, null, null, Map.of("reports", reports));
    }

    private void complete(ReportStep step, RunStatus status, StepOutcome outcome, String error, Map<String, Object> outputs) {
        publisher.publish(step.runId(), new StepCompleted(step.stepId(), step.nodeId(), step.attempt(), status, outcome,
                error, List.of(), outputs));
    }
}
