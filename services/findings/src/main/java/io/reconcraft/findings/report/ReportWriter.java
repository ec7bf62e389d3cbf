package io.reconcraft.findings.report;

import io.reconcraft.findings.store.ReportRecord;
import io.reconcraft.findings.store.ReportStore;
import io.reconcraft.reports.ReportFormat;
import io.reconcraft.reports.ReportModel;
import io.reconcraft.reports.ReportRenderer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Renders a run's report in each format and stores the files. A report's id comes from what it answers (the step
 * attempt, or the on-demand request, and the format), so writing it again replaces it instead of adding a copy.
 */
@Component
@RequiredArgsConstructor
public class ReportWriter {

    private final ReportModelBuilder models;
    private final ReportStore store;
    private final Clock clock;

    /** @param key what the report answers: {@code stepId#attempt} for a report step, a request id on demand */
    public Mono<List<ReportRecord>> write(String runId, String stepId, String nodeId, String key, ReportConfig config) {
        return models.build(runId, config, clock.instant())
                .flatMap(model -> Flux.fromIterable(config.formats())
                        .concatMap(format -> writeOne(model, runId, stepId, nodeId, key, format))
                        .collectList());
    }

    private Mono<ReportRecord> writeOne(ReportModel model, String runId, String stepId, String nodeId, String key,
                                        ReportFormat format) {
        return Mono.fromCallable(() -> ReportRenderer.render(model, format))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(bytes -> store.save(new ReportRecord(idOf(key, format), runId, stepId, nodeId,
                        format.wireName(), fileName(runId, format), format.contentType(), bytes.length, clock.instant()),
                        bytes));
    }

    static String fileName(String runId, ReportFormat format) {
        String safe = runId.replaceAll("[^A-Za-z0-9_.-]", "_");
        return "reconcraft-report-" + safe + "." + format.fileExtension();
    }

    static String idOf(String key, ReportFormat format) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((key + "|" + format.wireName()).getBytes(StandardCharsets.UTF_8));
            return "rep-" + HexFormat.of().formatHex(hash).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
