package io.reconcraft.audit.chain;

import io.reconcraft.audit.store.AuditStore;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Appends records to the hash chain. Within an instance, appends are serialized (the listener threads of
 * several partitions take turns), and the head is kept in memory. Across instances the unique index on
 * {@code sequence} is the arbiter: two instances computing the same next sequence cannot both store it;
 * the loser reloads the head and tries again, so the chain stays one line and never forks.
 * A redelivered event is refused by the unique event id without taking a sequence number: the insert carries
 * both unique keys, and only a stored record moves the head.
 */
@Component
public class AuditChain {

    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);
    private static final int MAX_CLASHES = 100;

    public enum Appended { STORED, DUPLICATE }

    private final AuditStore store;
    private long lastSequence = -1;
    private String lastHash;

    public AuditChain(AuditStore store) {
        this.store = store;
    }

    /** Chains and stores {@code record} (an audit record without chain fields), unless its event is stored already. */
    public synchronized Appended append(Document record) {
        String eventId = record.getString("_id");
        for (int clash = 0; clash < MAX_CLASHES; clash++) {
            if (lastSequence < 0) {
                loadHead();
            }
            long sequence = lastSequence + 1;
            Document chained = new Document(record).append("sequence", sequence).append("previousHash", lastHash);
            chained.append("hash", RecordHash.of(chained));
            // The insert is the check by event id: a refused insert takes no sequence number, the head stays put.
            if (store.insert(chained) == AuditStore.InsertResult.STORED) {
                lastSequence = sequence;
                lastHash = chained.getString("hash");
                return Appended.STORED;
            }
            if (store.exists(eventId)) {
                return Appended.DUPLICATE;
            }
            log.info("sequence {} was taken by another writer; reloading the head of the chain", sequence);
            lastSequence = -1;
        }
        throw new IllegalStateException("could not append event " + eventId + " after " + MAX_CLASHES + " sequence clashes");
    }

    private void loadHead() {
        Optional<Document> head = store.last();
        lastSequence = head.map(d -> ((Number) d.get("sequence")).longValue()).orElse(0L);
        lastHash = head.map(d -> d.getString("hash")).orElse(RecordHash.GENESIS);
    }
}
