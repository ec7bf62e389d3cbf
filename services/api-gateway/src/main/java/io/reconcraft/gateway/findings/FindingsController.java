package io.reconcraft.gateway.findings;

import io.reconcraft.gateway.error.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Findings across runs (API.md "Findings across runs"), answered by the findings service. Everyone reads; operators
 * and admins triage (the security configuration: non-GET calls need one of those roles), and the triage is
 * recorded with the caller's key id.
 */
@RestController
@RequiredArgsConstructor
public class FindingsController {

    private final FindingsClient findings;

    @GetMapping("/api/findings")
    public Mono<ResponseEntity<byte[]>> list(@RequestParam Map<String, String> query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String name : new String[] {"severity", "state", "triage", "target", "tool", "workflowId", "runId",
                "change", "since", "limit", "offset"}) {
            parameters.put(name, query.get(name));
        }
        return findings.get("/findings", parameters);
    }

    @GetMapping("/api/findings/{id}")
    public Mono<ResponseEntity<byte[]>> one(@PathVariable String id) {
        return findings.get("/findings/{id}", Map.of(), id);
    }

    /** Body {@code {triage, note?}}. */
    @PatchMapping("/api/findings/{id}")
    public Mono<ResponseEntity<byte[]>> triage(@PathVariable String id, @RequestBody Map<String, Object> body,
                                               Authentication caller) {
        if (body == null) {
            throw ApiException.invalid("triage", "is required");
        }
        Map<String, Object> forwarded = new LinkedHashMap<>();
        forwarded.put("triage", body.get("triage"));
        forwarded.put("note", body.get("note"));
        forwarded.put("by", caller == null ? null : caller.getName());
        return findings.send(HttpMethod.PATCH, "/findings/{id}", forwarded, id);
    }

    @GetMapping("/api/runs/{id}/diff")
    public Mono<ResponseEntity<byte[]>> diff(@PathVariable String id) {
        return findings.get("/runs/{id}/diff", Map.of(), id);
    }
}
