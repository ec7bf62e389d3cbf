package io.reconcraft.orchestrator.engine;

import io.reconcraft.events.RunCancelRequested;
import io.reconcraft.orchestrator.store.RunDocument;
import io.reconcraft.orchestrator.store.RunStore;
import java.time.Clock;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Accepts a cancel: records it on the run once, then lets the advancer carry it out (see {@link CancelCascade}).
 * A cancel of an ended run changes nothing; a repeated cancel only continues what the first one started.
 */
@Component
@RequiredArgsConstructor
public class RunCanceller {

    private static final Logger log = LoggerFactory.getLogger(RunCanceller.class);

    private final RunStore store;
    private final RunAdvancer advancer;
    private final Clock clock;

    public void cancel(String runId, RunCancelRequested request) {
        Optional<RunDocument> run = store.find(runId);
        if (run.isEmpty()) {
            log.warn("ignoring cancel of unknown run {}", runId);
            return;
        }
        if (run.get().runStatus().isTerminal()) {
            log.info("ignoring cancel of run {}: it already ended {}", runId, run.get().status());
            return;
        }
        if (store.markCancelRequested(runId, request.requestedBy(), request.reason(), clock.instant())) {
            log.info("run {} cancelled by {}", runId, request.requestedBy());
        }
        advancer.advance(runId);
    }
}
