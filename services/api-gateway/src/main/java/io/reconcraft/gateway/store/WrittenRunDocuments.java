package io.reconcraft.gateway.store;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/**
 * The run documents this instance wrote last, as it wrote them, for the runs still under way: what the read model
 * would otherwise read back before applying the next events. Bounded; the least recently used runs go first.
 */
final class WrittenRunDocuments {

    private final Map<String, Document> documents;

    WrittenRunDocuments(int capacity) {
        this.documents = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Document> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void remember(String id, Document document) {
        documents.put(id, document);
    }

    synchronized Document get(String id) {
        return documents.get(id);
    }

    synchronized void forget(String id) {
        documents.remove(id);
    }

    synchronized void forget(Collection<String> ids) {
        ids.forEach(documents::remove);
    }

    synchronized void forgetAll() {
        documents.clear();
    }

    synchronized int size() {
        return documents.size();
    }
}
