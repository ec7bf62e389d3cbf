package io.reconcraft.audit.chain;

import io.reconcraft.audit.store.AuditStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Appends batches of records to the hash chain: one ordered bulk insert per batch, without reading first. The head
 * is held in memory; this instance is the chain's single writer (its listener threads take turns), and the head is
 * recovered at start from the store and the signed anchor, whichever is further.
 * A redelivered event (already stored, or twice in one batch) takes no sequence number: the unique event id refuses
 * it, the records before it in the batch are stored, and the rest is tried again after one query for the ids
 * stored already. Should another writer have taken a sequence, the unique sequence refuses the insert the same way;
 * the head is reloaded before each new try, so the chain stays one line and never forks.
 */
@Component
@RequiredArgsConstructor
public class AuditChain {

    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);
    private static final int MAX_CLASHES = 20;

    public record Appended(int stored, int duplicates) { }

    private final AuditStore store;
    private final RecordHash hashes;
    private final AnchorLedger anchors;
    private boolean loaded;
    private long lastSequence;
    private String lastHash;

    /** Chains and stores the records (audit records without chain fields) whose events are not stored yet. */
    public synchronized Appended append(List<Document> records) {
        ensureLoaded();
        Map<String, Document> pending = new LinkedHashMap<>();
        records.forEach(record -> pending.putIfAbsent(record.getString("_id"), record));
        int stored = 0;
        RuntimeException lastClash = null;
        for (int clash = 0; clash < MAX_CLASHES; clash++) {
            // Almost every batch is new: only after a refusal is it worth asking which of its events are stored.
            Set<String> known = clash == 0 ? Set.of() : store.existingIds(pending.keySet());
            List<Document> chained = new ArrayList<>(pending.size());
            long sequence = lastSequence;
            String previous = lastHash;
            for (Document record : pending.values()) {
                if (known.contains(record.getString("_id"))) {
                    continue;
                }
                Document link = new Document(record).append("sequence", ++sequence).append("previousHash", previous);
                previous = hashes.of(link);
                chained.add(link.append(RecordHash.HASH, previous));
            }
            if (chained.isEmpty()) {
                return new Appended(stored, records.size() - stored);
            }
            try {
                store.insertAll(chained);
                lastSequence = sequence;
                lastHash = previous;
                anchors.advanceHead(lastSequence, lastHash);
                stored += chained.size();
                return new Appended(stored, records.size() - stored);
            } catch (RuntimeException e) {
                lastClash = e;
                List<Document> written = chained.subList(0, AuditStore.storedBefore(e, chained.size()));
                written.forEach(record -> pending.remove(record.getString("_id")));
                stored += written.size();
                log.debug("an audit record of a batch of {} was refused at sequence {} ({}); reloading the head of "
                        + "the chain", chained.size(), lastSequence + written.size() + 1, e.toString());
                reloadHead();
            }
        }
        throw new IllegalStateException("could not append " + pending.size() + " audit records after " + MAX_CLASHES
                + " attempts", lastClash);
    }

    /** Recovers the head and the anchor (once); anchors a chain found without any anchor. */
    public synchronized void ensureLoaded() {
        if (loaded) {
            return;
        }
        Optional<Anchor> anchor = anchors.recover();
        reloadHead();
        if (anchor.isEmpty() && lastSequence > 0) {
            Document first = store.first().orElseThrow();
            log.warn("no signed audit anchor was found for a stored chain; anchoring it as found ({} to {})",
                    first.get("sequence"), lastSequence);
            anchors.adopt(Anchor.genesis().withTail(((Number) first.get("sequence")).longValue(),
                    first.getString("previousHash"), System.currentTimeMillis()).withHead(lastSequence, lastHash,
                    System.currentTimeMillis()));
        }
        loaded = true;
    }

    private void reloadHead() {
        Optional<Document> head = store.last();
        lastSequence = head.map(d -> ((Number) d.get("sequence")).longValue()).orElse(0L);
        lastHash = head.map(d -> d.getString(RecordHash.HASH)).orElse(RecordHash.GENESIS);
        Optional<Anchor> anchor = anchors.current();
        if (anchor.isPresent() && anchor.get().headSequence() > lastSequence) {
            // Records the anchor names are gone: continue after them, so the gap stays visible to verification
            // instead of being papered over by new records with the same sequence numbers.
            log.error("the stored audit chain ends at {} but its signed anchor names {}: records were deleted",
                    lastSequence, anchor.get().headSequence());
            lastSequence = anchor.get().headSequence();
            lastHash = anchor.get().headHash();
        }
    }
}
