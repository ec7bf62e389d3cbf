package io.reconcraft.gateway.store;

import io.reconcraft.gateway.run.RunView;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.BooleanSupplier;

/**
 * The run views this instance wrote last, as the store keeps them: what the read model would otherwise read back
 * before applying a run's next events. Bounded by the steps they hold (a view's size grows with its steps); the
 * least recently used runs go first.
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
    synchronized void rememberInserted(RunView view, BooleanSupplier readHere) {
        remember(view, readHere.getAsBoolean());
    }

    /** A view the read model wrote: current until the partitions read here change. */
    synchronized void rememberCurrent(RunView view) {
        remember(view, true);
    }

    private void remember(RunView view, boolean current) {
        long weight = 1L + view.steps().size();
        Remembered replaced = views.remove(view.id());
        if (replaced != null) {
            steps -= replaced.weight;
        }
        if (weight > maxSteps) {
            return;
        }
        views.put(view.id(), new Remembered(view, weight, current));
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

    private record Remembered(RunView view, long weight, boolean current) {
    }
}
