package io.reconcraft.audit.chain;

import io.reconcraft.audit.config.AuditProperties;
import io.reconcraft.audit.store.AuditStore;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Recomputes the chain in sequence order and reports the first broken link: a record whose content no
 * longer matches its hash (edited), one that does not name its predecessor's hash (replaced or reordered),
 * or a missing sequence number (deleted).
 *
 * Retention expires the oldest records, so verification starts from the oldest record still stored and
 * takes the {@code previousHash} it carries as the anchor (reported, so it can be compared with a copy kept
 * elsewhere). With retention off (keep forever) the chain must start at sequence 1 from the genesis hash.
 */
@Component
public class ChainVerifier {

    private final AuditStore store;
    private final AuditProperties properties;

    public ChainVerifier(AuditStore store, AuditProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /** Blocking: reads the whole chain. */
    public ChainVerification verify() {
        long checked = 0;
        Long anchorSequence = null;
        String anchorHash = null;
        long expectedSequence = -1;
        String expectedPrevious = null;
        for (Document record : store.inSequence().toIterable(256)) {
            long sequence = ((Number) record.get("sequence")).longValue();
            String eventId = record.getString("_id");
            if (anchorSequence == null) {
                anchorSequence = sequence;
                anchorHash = record.getString("previousHash");
                if (properties.keepsForever() && (sequence != 1 || !RecordHash.GENESIS.equals(anchorHash))) {
                    return ChainVerification.broken(0, anchorSequence, anchorHash, 1, eventId, sequence != 1
                            ? "records before sequence " + sequence + " are missing, and retention keeps records forever"
                            : "the first record does not start from the genesis hash");
                }
                expectedSequence = sequence;
                expectedPrevious = anchorHash;
            }
            if (sequence != expectedSequence) {
                return ChainVerification.broken(checked, anchorSequence, anchorHash, expectedSequence, eventId,
                        "sequence " + expectedSequence + (sequence - expectedSequence == 1 ? " is" : " to " + (sequence - 1) + " are")
                                + " missing (the next stored record is " + sequence + ")");
            }
            if (!expectedPrevious.equals(record.getString("previousHash"))) {
                return ChainVerification.broken(checked, anchorSequence, anchorHash, sequence, eventId,
                        "previousHash does not match the hash of record " + (sequence - 1));
            }
            String hash = RecordHash.of(record);
            if (!hash.equals(record.getString("hash"))) {
                return ChainVerification.broken(checked, anchorSequence, anchorHash, sequence, eventId,
                        "the record's content does not match its hash");
            }
            checked++;
            expectedSequence = sequence + 1;
            expectedPrevious = hash;
        }
        return ChainVerification.intact(checked, anchorSequence, anchorHash);
    }
}
