package io.reconcraft.audit.chain;

import io.reconcraft.audit.store.AuditStore;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * chain is re-read in the background every {@code reconcraft.audit.full-verify-interval}, and on demand
 * ({@code ?full=true}). A broken result of a full pass is reported by every call until a full pass is intact.
 */
@Component
@RequiredArgsConstructor
public class ChainVerifier {

    private static final Logger log = LoggerFactory.getLogger(ChainVerifier.class);

    /** The end of the prefix found intact: its last sequence and hash, and how many records it holds. */
    private record Verified(long firstSequence, String firstPreviousHash, long sequence, String hash, long checked) { }

    private final AuditStore store;
    private final AuditChain chain;
    private final AnchorLedger anchors;
    private final RecordHash hashes;
    private Verified verified;
    private ChainVerification brokenInFullPass;

    /** Blocking. Incremental: the anchors, and the records added since the last intact verification. */
    public synchronized ChainVerification verify() {
        if (brokenInFullPass != null) {
            return brokenInFullPass;
        }
        return check(verified);
    }

    /** Blocking: re-reads the whole chain. */
    public synchronized ChainVerification verifyFully() {
        verified = null;
        ChainVerification result = check(null);
        brokenInFullPass = result.valid() ? null : result;
        return result;
    }

    @Scheduled(initialDelayString = "${reconcraft.audit.full-verify-interval:PT15M}",
            fixedDelayString = "${reconcraft.audit.full-verify-interval:PT15M}")
    void verifyFullyInTheBackground() {
        ChainVerification result = verifyFully();
        if (!result.valid()) {
            log.error("the audit chain is broken at sequence {}: {}", result.firstBrokenSequence(), result.reason());
        }
    }

    /** Retention removed a prefix: what was verified from there on stays verified, but its count shrank. */
    public synchronized void forgetVerifiedPrefix() {
        verified = null;
    }

    private ChainVerification check(Verified from) {
        chain.ensureLoaded();
        // The anchor is read before the store: the store is never behind the anchor it produced.
        Anchor anchor = anchors.current().orElseGet(Anchor::genesis);
        Optional<Document> first = store.first();
        Optional<Document> last = store.last();
        if (first.isEmpty()) {
            return anchor.isEmptyChain() ? ChainVerification.intact(0, null, null)
                    : ChainVerification.broken(0, anchor.tailSequence(), anchor.tailPreviousHash(), anchor.tailSequence(),
                    null, "sequence " + anchor.tailSequence() + " to " + anchor.headSequence()
                            + " are missing (no record is stored, and the signed anchor names them)");
        }
        long firstSequence = sequence(first.get());
        String firstPrevious = first.get().getString("previousHash");
        if (firstSequence > anchor.tailSequence()) {
            return ChainVerification.broken(0, anchor.tailSequence(), anchor.tailPreviousHash(), anchor.tailSequence(),
                    first.get().getString("_id"), "records before sequence " + firstSequence
                            + " are missing (the signed anchor starts the chain at " + anchor.tailSequence() + ")");
        }
        long lastSequence = sequence(last.orElseThrow());
        if (lastSequence < anchor.headSequence()) {
            return ChainVerification.broken(0, firstSequence, firstPrevious, lastSequence + 1, null,
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
                return ChainVerification.broken(checked, firstSequence, firstPrevious, expectedSequence, eventId,
                        "sequence " + expectedSequence + (sequence - expectedSequence == 1 ? " is" : " to " + (sequence - 1) + " are")
                                + " missing (the next stored record is " + sequence + ")");
            }
            if (!expectedPrevious.equals(record.getString("previousHash"))) {
                return ChainVerification.broken(checked, firstSequence, firstPrevious, sequence, eventId,
                        "previousHash does not match the hash of record " + (sequence - 1));
            }
            if (sequence == anchor.tailSequence() && !anchor.tailPreviousHash().equals(record.getString("previousHash"))) {
                return ChainVerification.broken(checked, firstSequence, firstPrevious, sequence, eventId,
                        "the record does not continue from the signed anchor");
            }
            String hash = hashes.of(record);
            if (!hash.equals(record.getString(RecordHash.HASH))) {
                return ChainVerification.broken(checked, firstSequence, firstPrevious, sequence, eventId,
                        "the record's content does not match its hash");
            }
            if (sequence == anchor.headSequence() && !hash.equals(anchor.headHash())) {
                return ChainVerification.broken(checked, firstSequence, firstPrevious, sequence, eventId,
                        "the record is not the one the signed anchor names");
            }
            checked++;
            expectedSequence = sequence + 1;
            expectedPrevious = hash;
            if (sequence >= lastSequence) {
                break; // records appended meanwhile are for the next call
            }
        }
        if (expectedSequence <= lastSequence) {
            return ChainVerification.broken(checked, firstSequence, firstPrevious, expectedSequence, null,
                    "sequence " + expectedSequence + " is missing (it was there when verification began)");
        }
        verified = new Verified(firstSequence, firstPrevious, expectedSequence - 1, expectedPrevious, checked);
        return ChainVerification.intact(checked, firstSequence, firstPrevious);
    }

    private static long sequence(Document record) {
        return ((Number) record.get("sequence")).longValue();
    }
}
