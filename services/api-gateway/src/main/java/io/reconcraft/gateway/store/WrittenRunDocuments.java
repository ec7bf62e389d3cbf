package io.reconcraft.gateway.store;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import org.bson.Document;

/**
 * The run documents this instance wrote last, as it wrote them: what the read model would otherwise read back
 * before applying a run's next events. Bounded by the steps they hold (a document's size grows with its steps);
 * the least recently used runs go first.
 */
final class WrittenRunDocuments {

    private final long maxSteps;
    private final LinkedHashMap<String, Remembered> documents = new LinkedHashMap<>(64, 0.75f, true);
    private long steps;

    WrittenRunDocuments(long maxSteps) {
        this.maxSteps = maxSteps;
    }

    synchronized void remember(String id, Document document, int stepCount) {
        long weight = 1L + stepCount;
        Remembered replaced = documents.remove(id);
        if (replaced != null) {
            steps -= replaced.weight();
        }
        if (weight > maxSteps) {
            return;
        }
        documents.put(id, new Remembered(document, weight));
        steps += weight;
        Iterator<Remembered> eldest = documents.values().iterator();
        while (steps > maxSteps) {
            steps -= eldest.next().weight();
            eldest.remove();
        }
    }

    synchronized Document get(String id) {
        Remembered remembered = documents.get(id);
        return remembered == null ? null : remembered.document();
    }

    synchronized void forget(Collection<String> ids) {
        ids.forEach(id -> {
            Remembered removed = documents.remove(id);
            if (removed != null) {
                steps -= removed.weight();
            }
        });
    }

    synchronized void forgetAll() {
        documents.clear();
        steps = 0;
    }

    synchronized int size() {
        return documents.size();
    }

    private record Remembered(Document document, long weight) {
    }
}
