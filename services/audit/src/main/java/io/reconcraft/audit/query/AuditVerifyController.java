package io.reconcraft.audit.query;

import io.reconcraft.audit.chain.ChainVerification;
import io.reconcraft.audit.chain.ChainVerifier;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Internal: checks the hash chain, for the gateway's {@code GET /api/audit/verify} ({@code ?full=true} re-reads all of it). */
@RestController
@RequiredArgsConstructor
public class AuditVerifyController {

    private final ChainVerifier verifier;

    /** Always 200: a broken chain is a finding, not an error of the request. */
    @GetMapping("/audit/verify")
    Mono<ChainVerification> verify(@RequestParam(defaultValue = "false") boolean full) {
        return Mono.fromCallable(full ? verifier::verifyFully : verifier::verify).subscribeOn(Schedulers.boundedElastic());
    }
}
