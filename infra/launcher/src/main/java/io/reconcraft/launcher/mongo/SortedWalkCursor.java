package io.reconcraft.launcher.mongo;

import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/**
 * What is left of a query sorted by an indexed key, read from the collection batch by batch as the client asks for
 * more ({@code getMore}), where the library's cursor holds every remaining document decoded: the audit's full chain
 * verification, which reads every record in sequence order, held the whole chain decoded in the store at once (68
 * million live objects 5 s after a restarted store of 18,100 runs was ready; bench/RESULTS.md) and the audit
 * collection's lock while decoding it. Like a MongoDB cursor it sees what changed after its last batch.
 */
final class SortedWalkCursor extends AbstractCursor {

    /** MongoDB answers a {@code getMore} without a batch size with as much as fits 16 MB. */
    private static final int UNSIZED_BATCH = 1_000;

    private final JournaledCollection collection;
    private final SortedWalk walk;
    private final Queue<Document> ready = new ArrayDeque<>();
    private int toSkip;

    SortedWalkCursor(long id, JournaledCollection collection, SortedWalk walk, int skip) {
        super(id);
        this.collection = collection;
        this.walk = walk;
        this.toSkip = skip;
    }

    /** Read one past the batch, so that {@link #isEmpty} knows after the last batch that it was the last. */
    @Override
    public synchronized List<Document> takeDocuments(int count) {
        int wanted = count > 0 ? count : UNSIZED_BATCH;
        while (ready.size() <= wanted && !walk.ended()) {
            for (Document document : collection.nextInOrder(walk, wanted)) {
                if (toSkip > 0) {
                    toSkip--;
                } else {
                    ready.add(document);
                }
            }
        }
        List<Document> batch = new ArrayList<>(Math.min(wanted, ready.size()));
        while (batch.size() < wanted && !ready.isEmpty()) {
            batch.add(ready.poll());
        }
        return batch;
    }

    @Override
    public synchronized boolean isEmpty() {
        return ready.isEmpty() && walk.ended();
    }
}
