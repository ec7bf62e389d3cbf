package io.reconcraft.gateway.store;

import io.reconcraft.gateway.run.RunView;
import io.reconcraft.gateway.run.StepView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.bson.Document;

/**
 * The run views this instance wrote last, as the store keeps them: what the read model would otherwise read back
 * before applying a run's next events. Bounded by the steps they hold (a view's size grows with its steps); the
 * least recently used runs go first. With each view, its steps' documents as written, for the next write of the run
 * to reuse those of the steps it did not change.
 * A view the read model wrote is <em>current</em>: only the reader of a run's partition writes the run after its
 * insert, so until the partitions read here change (then everything is forgotten) the store holds exactly it, and a
 * read of the run needs no query. A view inserted here is current only when the run's partition is read here.
 */
final class WrittenRunViews {

    private final long maxSteps;
    private final LinkedHashMap<String, Remembered> views = new LinkedHashMap<>(64, 0.75f, true);
    private long steps;

    WrittenRunViews(long maxSteps) {
        this.maxSteps = maxSteps;
    }

    /**
     * A view inserted here: current when {@code readHere} says the read model here reads the run's partition,
     * asked under the same lock that {@link #forgetAll} takes after the partitions read here changed.
     */
    synchronized void rememberInserted(RunView view, List<Document> stepDocuments, BooleanSupplier readHere) {
        remember(view, stepDocuments, readHere.getAsBoolean());
    }

    /** A view the read model wrote: current until the partitions read here change. */
    synchronized void rememberCurrent(RunView view, List<Document> stepDocuments) {
        remember(view, stepDocuments, true);
    }

    private void remember(RunView view, List<Document> stepDocuments, boolean current) {
        long weight = 1L + view.steps().size();
        Remembered replaced = views.remove(view.id());
        if (replaced != null) {
            steps -= replaced.weight;
        }
        if (weight > maxSteps) {
            return;
        }
        if (stepDocuments.size() != view.steps().size()) {
            throw new IllegalArgumentException("one document per step of the view");
        }
        views.put(view.id(), new Remembered(view, List.copyOf(stepDocuments), weight, current));
        steps += weight;
        Iterator<Remembered> eldest = views.values().iterator();
        while (steps > maxSteps) {
            steps -= eldest.next().weight;
            eldest.remove();
        }
    }

    /** The remembered view; null when none is remembered. */
    synchronized RunView view(String id) {
        Remembered remembered = views.get(id);
        return remembered == null ? null : remembered.view;
    }

    /**
     * For each of {@code steps} of run {@code id}, the document written for it when it is the very step remembered at
     * its place (the read model did not change it), else null.
     */
    synchronized List<Document> unchangedStepDocuments(String id, List<StepView> steps) {
        Remembered remembered = views.get(id);
        List<Document> documents = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            boolean unchanged = remembered != null && i < remembered.view.steps().size()
                    && remembered.view.steps().get(i) == steps.get(i);
            documents.add(unchanged ? remembered.stepDocuments.get(i) : null);
        }
        return documents;
    }

    /** The view, when it is current (see above); null otherwise. */
    synchronized RunView currentView(String id) {
        Remembered remembered = views.get(id);
        return remembered == null || !remembered.current ? null : remembered.view;
    }

    synchronized void forget(Collection<String> ids) {
        ids.forEach(id -> {
            Remembered removed = views.remove(id);
            if (removed != null) {
                steps -= removed.weight;
            }
        });
    }

    synchronized void forgetAll() {
        views.clear();
        steps = 0;
    }

    synchronized int size() {
        return views.size();
    }

    private record Remembered(RunView view, List<Document> stepDocuments, long weight, boolean current) {
    }
}
