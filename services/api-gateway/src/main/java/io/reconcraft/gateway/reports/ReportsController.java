package io.reconcraft.gateway.reports;

import io.reconcraft.gateway.findings.FindingsClient;
import java.util.LinkedHashMap;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A run's report files (API.md "Reports"), stored by the findings service: listed, made on demand for a finished
 * run (operators and admins), and downloaded as attachments.
 */
@RestController
@RequiredArgsConstructor
public class ReportsController {

    private final FindingsClient findings;

    @GetMapping("/api/runs/{id}/reports")
    public Mono<ResponseEntity<byte[]>> list(@PathVariable String id) {
        return findings.get("/runs/{id}/reports", Map.of(), id);
    }

    /** Body {@code {formats?}}: 202 with the reports written. */
    @PostMapping("/api/runs/{id}/reports")
    public Mono<ResponseEntity<byte[]>> create(@PathVariable String id,
                                               @RequestBody(required = false) Map<String, Object> body) {
        Map<String, Object> forwarded = new LinkedHashMap<>();
        if (body != null && body.containsKey("formats")) {
            forwarded.put("formats", body.get("formats"));
        }
        return findings.send(HttpMethod.POST, "/runs/{id}/reports", forwarded, id);
    }

    @GetMapping("/api/reports/{id}/download")
    public Mono<ResponseEntity<byte[]>> download(@PathVariable String id) {
        return findings.get("/reports/{id}/download", Map.of(), id);
    }
}
