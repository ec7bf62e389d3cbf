package io.reconcraft.findings.triage;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.FindingTriaged;
import io.reconcraft.findings.store.FindingRecord;
import io.reconcraft.findings.store.FindingStore;
import io.reconcraft.messaging.EventPublisher;
import java.time.Clock;
import lombok.RequiredArgsConstructor;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Sets a finding's triage (it survives re-runs) and announces it in FindingTriaged, for the audit trail. */
@Component
@RequiredArgsConstructor
public class TriageService {

    private static final int MAX_ATTEMPTS = 5;

    private final FindingStore store;
    private final EventPublisher publisher;
    private final Clock clock;

    /** The finding after the change; empty when there is no such finding. */
    public Mono<FindingRecord> triage(String id, String triage, String note, String by) {
        return attempt(id, triage, note, by, 1);
    }

    private Mono<FindingRecord> attempt(String id, String triage, String note, String by, int attempt) {
        return store.byId(id).flatMap(read -> {
            Update update = new Update().set("triage", triage).set("triagedBy", by).set("triagedAt", clock.instant());
            if (note == null) {
                update.unset("triageNote");
            } else {
                update.set("triageNote", note);
            }
            return store.updateIfUnchanged(read, update).flatMap(done -> {
                if (!done) {
                    return attempt < MAX_ATTEMPTS ? attempt(id, triage, note, by, attempt + 1)
                            : Mono.error(new IllegalStateException("finding " + id + " kept changing"));
                }
                FindingTriaged event = new FindingTriaged(id, read.fingerprint(), read.triage(), triage, note, by);
                return Mono.fromFuture(() -> publisher.publishAsync(EventEnvelope.of(null, event)))
                        .subscribeOn(Schedulers.boundedElastic())
                        .then(store.byId(id));
            });
        });
    }
}
