package io.reconcraft.audit.chain;

import io.reconcraft.audit.config.AuditProperties;
import io.reconcraft.audit.store.AuditStore;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import lombok.RequiredArgsConstructor;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checks the stored chain against its signed anchor and recomputes the keyed hashes in sequence order,
 * reporting the first broken link: a prefix missing (the oldest stored record is after the anchored tail),
 * newest records missing (the stored head is before the anchored head), a record whose content no longer
 * matches its hash (edited), one that does not name its predecessor's hash (replaced or reordered), or a
 * missing sequence number (deleted).
 *
 * Re-reading the whole chain on every call does not scale, so a call checks the anchor against both ends of the
 * chain (two indexed reads) and recomputes only the records added since the last intact verification; the whole
 * chain is re-read in the background, first soon after start and then every
 * {@code reconcraft.audit.full-verify-interval}, and on demand ({@code ?full=true}). A broken result of a full
 * pass is reported by every call until a full pass is intact.
 *
 * A background pass (about a million records at 50,000 runs) works {@code full-verify-share} of the time and
 * holds no lock the incremental calls wait for: it publishes what it found when it ends. One full pass runs at a
 * time; a caller that waits for one (an on-demand pass, the first call after start, retention) makes a running
 * background pass drop its pauses. The metrics' incremental check once a minute (a minute of records: 57,000 at 50
 * runs/s, which read at full speed held both cores for two seconds, bench/RESULTS.md 2026-12-07) is paced the same
 * way, and a caller waiting for an incremental check makes it drop its pauses.
 */
@Component
@RequiredArgsConstructor
public class ChainVerifier {

    private static final Logger log = LoggerFactory.getLogger(ChainVerifier.class);

    /** The end of the prefix found intact: its last sequence and hash, and how many records it holds. */
    private record Verified(long firstSequence, String firstPreviousHash, long sequence, String hash, long checked) { }

    /** What a check found, and the end of the prefix it found intact (null when broken). */
    private record Outcome(ChainVerification result, Verified reached) { }

    private final AuditStore store;
    private final AuditChain chain;
    private final AnchorLedger anchors;
    private final RecordHash hashes;
    private final AuditProperties properties;
    private final ReentrantLock fullPass = new ReentrantLock();
    // held through an incremental check, so that a caller waiting for one can hurry a paced one
    private final ReentrantLock incremental = new ReentrantLock();
    private final ClosingPause pause = new ClosingPause();
    private Verified verified;
    private ChainVerification brokenInFullPass;
    private boolean fullPassEnded;

    /**
     * Blocking. Incremental: the anchors, and the records added since the last intact verification. Before the
     * first full pass has ended there is nothing to add to: it then waits for one, at full speed.
     */
    public ChainVerification verify() {
        return incrementally(DutyCycle.fullSpeed()).orElseGet(this::verifyFully);
    }

    /**
     * The incremental verification paced to {@code full-verify-share} of the time, or none while no full pass has
     * ended since start (for metrics: never waits for a full pass).
     */
    public Optional<ChainVerification> verifyPacedIfVerifiedBefore() {
        return verifyPacedIfVerifiedBefore(System::nanoTime, pause);
    }

    /** The paced incremental verification, by this clock and this pause. */
    Optional<ChainVerification> verifyPacedIfVerifiedBefore(LongSupplier nanoTime, DutyCycle.Sleeper sleeper) {
        synchronized (this) {
            if (!fullPassEnded) {
                return Optional.empty();
            }
        }
        return incrementally(new DutyCycle(properties.fullVerifyShare(), this::someoneWaitsForAnIncrementalCheck,
                nanoTime, sleeper)).or(() -> Optional.of(verifyFully()));
    }

    /** Whether a caller waits while an incremental check runs. */
    boolean someoneWaitsForAnIncrementalCheck() {
        return incremental.hasQueuedThreads();
    }

    /** The records added since the last intact verification, or empty when nothing was verified to add to. */
    private Optional<ChainVerification> incrementally(DutyCycle pace) {
        incremental.lock();
        try {
            Verified from;
            synchronized (this) {
                if (brokenInFullPass != null) {
                    return Optional.of(brokenInFullPass);
                }
                from = verified;
            }
            if (from == null) {
                return Optional.empty();
            }
            Outcome outcome = check(from, pace);
            synchronized (this) {
                return Optional.of(extend(outcome));
            }
        } finally {
            incremental.unlock();
        }
    }

    /** Blocking: re-reads the whole chain, at full speed. */
    public ChainVerification verifyFully() {
        return fullPass(DutyCycle.fullSpeed());
    }

    @Scheduled(initialDelayString = "${reconcraft.audit.full-verify-initial-delay:PT10S}",
            fixedDelayString = "${reconcraft.audit.full-verify-interval:PT15M}")
    void verifyFullyInTheBackground() {
        try {
            verifyFullyInTheBackground(System::nanoTime, pause);
        } catch (CancellationException e) {
            log.info("the background verification of the audit chain stopped: the service is shutting down");
        }
    }

    /** Before the scheduler is stopped, which waits for a running pass. */
    @EventListener(ContextClosedEvent.class)
    void stopPausedPasses() {
        pause.close();
    }

    /** The background pass, paced by this clock and this pause. */
    ChainVerification verifyFullyInTheBackground(LongSupplier nanoTime, DutyCycle.Sleeper sleeper) {
        long startedAt = System.nanoTime();
        ChainVerification result = fullPass(
                new DutyCycle(properties.fullVerifyShare(), this::someoneWaitsForAFullPass, nanoTime, sleeper));
        if (result.valid()) {
            log.info("the audit chain is intact: {} records re-read in the background in {} ms", result.checked(),
                    (System.nanoTime() - startedAt) / 1_000_000);
        } else {
            log.error("the audit chain is broken at sequence {}: {}", result.firstBrokenSequence(), result.reason());
        }
        return result;
    }

    /** An on-demand pass, the first call after start or retention waits for the running one. */
    boolean someoneWaitsForAFullPass() {
        return fullPass.hasQueuedThreads();
    }

    /**
     * Runs {@code change} (retention's) while no verification runs, full or incremental: a verification never sees
     * the chain's tail half-moved.
     */
    public <T> T whileNoVerificationRuns(Supplier<T> change) {
        fullPass.lock();
        incremental.lock();
        try {
            synchronized (this) {
                return change.get();
            }
        } finally {
            incremental.unlock();
            fullPass.unlock();
        }
    }

    /**
     * Retention removed the records before {@code firstSequence}: what was verified from there on stays verified
     * (the first remaining record names {@code firstPreviousHash}, its predecessor's hash).
     */
    public synchronized void prefixRemoved(long firstSequence, String firstPreviousHash) {
        verified = verified == null || verified.sequence() < firstSequence ? null
                : new Verified(firstSequence, firstPreviousHash, verified.sequence(), verified.hash(),
                verified.sequence() - firstSequence + 1);
    }

    private ChainVerification fullPass(DutyCycle pace) {
        fullPass.lock();
        try {
            Outcome outcome = check(null, pace);
            synchronized (this) {
                brokenInFullPass = outcome.result().valid() ? null : outcome.result();
                fullPassEnded = true;
                return extend(outcome);
            }
        } finally {
            fullPass.unlock();
        }
    }

    /** Under the monitor: keeps the furthest intact prefix (incremental calls may have gone past a full pass). */
    private ChainVerification extend(Outcome outcome) {
        Verified reached = outcome.reached();
        if (reached != null && (verified == null || verified.firstSequence() != reached.firstSequence()
                || verified.sequence() < reached.sequence())) {
            verified = reached;
        }
        return outcome.result();
    }

    private Outcome check(Verified from, DutyCycle pace) {
        chain.ensureLoaded();
        // The anchor is read before the store: the store is never behind the anchor it produced.
        Anchor anchor = anchors.current().orElseGet(Anchor::genesis);
        Optional<Document> first = store.first();
        Optional<Document> last = store.last();
        if (first.isEmpty()) {
            return anchor.isEmptyChain() ? new Outcome(ChainVerification.intact(0, null, null), null)
                    : broken(0, anchor.tailSequence(), anchor.tailPreviousHash(), anchor.tailSequence(),
                    null, "sequence " + anchor.tailSequence() + " to " + anchor.headSequence()
                            + " are missing (no record is stored, and the signed anchor names them)");
        }
        long firstSequence = sequence(first.get());
        String firstPrevious = first.get().getString("previousHash");
        if (firstSequence > anchor.tailSequence()) {
            return broken(0, anchor.tailSequence(), anchor.tailPreviousHash(), anchor.tailSequence(),
                    first.get().getString("_id"), "records before sequence " + firstSequence
                            + " are missing (the signed anchor starts the chain at " + anchor.tailSequence() + ")");
        }
        long lastSequence = sequence(last.orElseThrow());
        if (lastSequence < anchor.headSequence()) {
            return broken(0, firstSequence, firstPrevious, lastSequence + 1, null,
                    "sequence " + (lastSequence + 1) + (lastSequence + 1 == anchor.headSequence() ? "" : " to " + anchor.headSequence())
                            + (lastSequence + 1 == anchor.headSequence() ? " is" : " are")
                            + " missing (the newest stored record is " + lastSequence + ", the signed anchor names "
                            + anchor.headSequence() + ")");
        }
        if (from != null && from.firstSequence() != firstSequence) {
            from = null;
        }
        long checked = from == null ? 0 : from.checked();
        long expectedSequence = from == null ? firstSequence : from.sequence() + 1;
        String expectedPrevious = from == null ? firstPrevious : from.hash();
        Iterable<Document> records = store.inSequenceAfter(expectedSequence - 1).toIterable(256);
        for (Document record : records) {
            long sequence = sequence(record);
            String eventId = record.getString("_id");
            if (sequence != expectedSequence) {
                return broken(checked, firstSequence, firstPrevious, expectedSequence, eventId,
                        "sequence " + expectedSequence + (sequence - expectedSequence == 1 ? " is" : " to " + (sequence - 1) + " are")
                                + " missing (the next stored record is " + sequence + ")");
            }
            if (!expectedPrevious.equals(record.getString("previousHash"))) {
                return broken(checked, firstSequence, firstPrevious, sequence, eventId,
                        "previousHash does not match the hash of record " + (sequence - 1));
            }
            if (sequence == anchor.tailSequence() && !anchor.tailPreviousHash().equals(record.getString("previousHash"))) {
                return broken(checked, firstSequence, firstPrevious, sequence, eventId,
                        "the record does not continue from the signed anchor");
            }
            String hash = hashes.of(record);
            if (!hash.equals(record.getString(RecordHash.HASH))) {
                return broken(checked, firstSequence, firstPrevious, sequence, eventId,
                        "the record's content does not match its hash");
            }
            if (sequence == anchor.headSequence() && !hash.equals(anchor.headHash())) {
                return broken(checked, firstSequence, firstPrevious, sequence, eventId,
                        "the record is not the one the signed anchor names");
            }
            checked++;
            expectedSequence = sequence + 1;
            expectedPrevious = hash;
            if (sequence >= lastSequence) {
                break; // records appended meanwhile are for the next call
            }
            pace.worked();
        }
        if (expectedSequence <= lastSequence) {
            return broken(checked, firstSequence, firstPrevious, expectedSequence, null,
                    "sequence " + expectedSequence + " is missing (it was there when verification began)");
        }
        return new Outcome(ChainVerification.intact(checked, firstSequence, firstPrevious),
                new Verified(firstSequence, firstPrevious, expectedSequence - 1, expectedPrevious, checked));
    }

    private static Outcome broken(long checked, Long anchorSequence, String anchorHash, long sequence, String eventId,
                                  String reason) {
        return new Outcome(ChainVerification.broken(checked, anchorSequence, anchorHash, sequence, eventId, reason), null);
    }

    private static long sequence(Document record) {
        return ((Number) record.get("sequence")).longValue();
    }
}
