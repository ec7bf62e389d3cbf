package io.reconcraft.audit.chain;

import io.reconcraft.audit.config.AuditProperties;
import io.reconcraft.audit.store.AuditStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes records older than {@code reconcraft.audit.retention}, oldest first, and moves the signed anchor's
 * tail explicitly BEFORE deleting, so that a prefix deleted by anyone else is still found by verification.
 * (This replaces a TTL index, which deleted silently: a deletion by an attacker looked the same.)
 */
@Component
@RequiredArgsConstructor
public class Retention {

    static final String OLD_TTL_INDEX = "receivedAt_ttl";
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final AuditStore store;
    private final AuditChain chain;
    private final AnchorLedger anchors;
    private final ChainVerifier verifier;
    private final AuditProperties properties;
    private final Clock clock = Clock.systemUTC();

    /** Drops the TTL index earlier versions created: expiry that bypasses the anchor would look like tampering. */
    @EventListener(ApplicationReadyEvent.class)
    public void dropTtlIndex() {
        if (store.dropIndexIfPresent(OLD_TTL_INDEX)) {
            log.info("dropped the TTL index {}: retention now moves the signed anchor before it deletes", OLD_TTL_INDEX);
        }
    }

    @Scheduled(initialDelayString = "${reconcraft.audit.retention-interval:PT1H}",
            fixedDelayString = "${reconcraft.audit.retention-interval:PT1H}")
    void expire() {
        if (!properties.keepsForever()) {
            expireReceivedBefore(clock.instant().minus(properties.retention()));
        }
    }

    /** Removes every record up to the newest one received before {@code cutoff}; the number removed. */
    public long expireReceivedBefore(Instant cutoff) {
        // verifier before chain, the order verification takes them in: a verification never sees the tail half-moved
        return verifier.whileNoVerificationRuns(() -> {
            synchronized (chain) {
                return expire(cutoff);
            }
        });
    }

    private long expire(Instant cutoff) {
        chain.ensureLoaded();
        Optional<Document> lastExpired = store.lastReceivedBefore(Date.from(cutoff));
        if (lastExpired.isEmpty()) {
            return 0;
        }
        long newTail = ((Number) lastExpired.get().get("sequence")).longValue() + 1;
        anchors.moveTail(newTail, lastExpired.get().getString(RecordHash.HASH));
        long removed = store.deleteBefore(newTail);
        verifier.prefixRemoved(newTail, lastExpired.get().getString(RecordHash.HASH));
        log.info("retention removed {} audit records; the chain now begins at sequence {}", removed, newTail);
        return removed;
    }
}
