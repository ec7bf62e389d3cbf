package io.reconcraft.findings.query;

import io.reconcraft.findings.report.ReportConfig;
import io.reconcraft.findings.report.ReportWriter;
import io.reconcraft.findings.store.ReportRecord;
import io.reconcraft.findings.store.ReportStore;
import io.reconcraft.findings.store.RunStore;
import io.reconcraft.reports.ReportFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** Report files of a run: listed, made on demand for a finished run, and downloaded. */
@RestController
@RequiredArgsConstructor
public class ReportsController {

    private final ReportStore reports;
    private final RunStore runs;
    private final ReportWriter writer;

    @GetMapping("/runs/{id}/reports")
    Mono<List<ReportRecord>> list(@PathVariable String id) {
        return reports.ofRun(id).collectList();
    }

    /** Body {@code {formats?}}: renders now (202 with the stored reports); 404 unknown run, 409 run not finished. */
    @PostMapping("/runs/{id}/reports")
    Mono<ResponseEntity<List<ReportRecord>>> create(@PathVariable String id,
                                                    @RequestBody(required = false) Map<String, Object> body) {
        List<ReportFormat> formats;
        try {
            formats = ReportConfig.formats(body == null ? null : body.get("formats"));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("formats", e.getMessage());
        }
        ReportConfig config = new ReportConfig(null, Set.of("summary", "findings", "recommendations"), formats, null,
                true);
        return runs.byId(id)
                .switchIfEmpty(Mono.error(() -> FindingsController.notFound("run", id)))
                .flatMap(run -> {
                    if (!run.finished()) {
                        return Mono.error(new ResponseStatusException(HttpStatus.CONFLICT,
                                "run " + id + " has not finished; reports on demand are for finished runs"));
                    }
                    return writer.write(id, null, null, "on-demand#" + UUID.randomUUID(), config);
                })
                .map(written -> ResponseEntity.status(HttpStatus.ACCEPTED).body(written));
    }

    @GetMapping("/reports/{id}")
    Mono<ReportRecord> one(@PathVariable String id) {
        return reports.byId(id).switchIfEmpty(Mono.error(() -> FindingsController.notFound("report", id)));
    }

    @GetMapping("/reports/{id}/download")
    Mono<ResponseEntity<byte[]>> download(@PathVariable String id) {
        return reports.byId(id)
                .switchIfEmpty(Mono.error(() -> FindingsController.notFound("report", id)))
                .flatMap(report -> reports.content(id).map(bytes -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(report.contentType()))
                        .header(HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.attachment().filename(report.fileName()).build().toString())
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .body(bytes)));
    }
}
