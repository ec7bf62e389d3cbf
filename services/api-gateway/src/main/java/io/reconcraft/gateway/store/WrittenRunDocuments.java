package io.reconcraft.gateway.store;

import io.reconcraft.gateway.run.RunView;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.bson.Document;

/**
 * The run documents this instance wrote last, as it wrote them: what the read model would otherwise read back
 * before applying a run's next events. Bounded by the steps they hold (a document's size grows with its steps);
 * the least recently used runs go first. Each is read into its view once, when first asked for.
 * A document the read model wrote is <em>current</em>: only the reader of a run's partition writes the run after its
 * insert, so until the partitions read here change (then everything is forgotten) the store holds exactly it, and a
 * read of the run needs no query. A document inserted here is current only when the run's partition is read here.
 */
final class WrittenRunDocuments {

    private final long maxSteps;
    private final Function<Document, RunView> read;
    private final LinkedHashMap<String, Remembered> documents = new LinkedHashMap<>(64, 0.75f, true);
    private long steps;

    /** {@code read} reads a remembered document into its view. */
    WrittenRunDocuments(long maxSteps, Function<Document, RunView> read) {
        this.maxSteps = maxSteps;
        this.read = read;
    }

    /**
     * A document inserted here: current when {@code readHere} says the read model here reads the run's partition,
     * asked under the same lock that {@link #forgetAll} takes after the partitions read here changed.
     */
    synchronized void rememberInserted(String id, Document document, int stepCount, BooleanSupplier readHere) {
        remember(id, document, stepCount, readHere.getAsBoolean());
    }

    /** A document the read model wrote: current until the partitions read here change. */
    synchronized void rememberCurrent(String id, Document document, int stepCount) {
        remember(id, document, stepCount, true);
    }

    private void remember(String id, Document document, int stepCount, boolean current) {
        long weight = 1L + stepCount;
        Remembered replaced = documents.remove(id);
        if (replaced != null) {
            steps -= replaced.weight;
        }
        if (weight > maxSteps) {
            return;
        }
        documents.put(id, new Remembered(document, weight, current));
        steps += weight;
        Iterator<Remembered> eldest = documents.values().iterator();
        while (steps > maxSteps) {
            steps -= eldest.next().weight;
            eldest.remove();
        }
    }

    /** The view of the remembered document, read once; null when none is remembered. */
    synchronized RunView view(String id) {
        Remembered remembered = documents.get(id);
        return remembered == null ? null : remembered.view(read);
    }

    /** The view of the document, when it is current (see above); null otherwise. */
    synchronized RunView currentView(String id) {
        Remembered remembered = documents.get(id);
        return remembered == null || !remembered.current ? null : remembered.view(read);
    }

    synchronized void forget(Collection<String> ids) {
        ids.forEach(id -> {
            Remembered removed = documents.remove(id);
            if (removed != null) {
                steps -= removed.weight;
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

    private static final class Remembered {
        private final Document document;
        private final long weight;
        private final boolean current;
        private RunView view;

        private Remembered(Document document, long weight, boolean current) {
            this.document = document;
            this.weight = weight;
            this.current = current;
        }

        private RunView view(Function<Document, RunView> read) {
            if (view == null) {
                view = read.apply(document);
            }
            return view;
        }
    }
}
