package io.reconcraft.gateway.stream;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Live delivery: who is listening to which run (and to every run's status). Handing an event to a listener
 * never blocks; each listener buffers on its own, so one slow client cannot hold up the others. On shutdown every
 * live stream is ended first, so open streams do not hold up the server's graceful shutdown (clients reconnect
 * with Last-Event-ID).
 */
@Component
public class RunEventListenerRegistry implements SmartLifecycle {

    private volatile boolean running;

    private final Map<String, Set<BoundedListener>> byRun = new ConcurrentHashMap<>();
    private final Set<BoundedListener> allRuns = ConcurrentHashMap.newKeySet();

    /** Called once the events are stored, in their order. */
    public void deliver(List<RunEvent> events) {
        for (RunEvent event : events) {
            Set<BoundedListener> listeners = byRun.get(event.runId());
            if (listeners != null) {
                listeners.forEach(listener -> listener.accept(event));
            }
            if (RunEvent.RUN.equals(event.type())) {
                allRuns.forEach(listener -> listener.accept(event));
            }
        }
    }

    void listen(String runId, BoundedListener listener) {
        byRun.compute(runId, (id, listeners) -> {
            Set<BoundedListener> set = listeners == null ? ConcurrentHashMap.newKeySet() : listeners;
            set.add(listener);
            return set;
        });
    }

    void stopListening(String runId, BoundedListener listener) {
        byRun.computeIfPresent(runId, (id, listeners) -> {
            listeners.remove(listener);
            return listeners.isEmpty() ? null : listeners;
        });
    }

    void listenToAllRuns(BoundedListener listener) {
        allRuns.add(listener);
    }

    void stopListeningToAllRuns(BoundedListener listener) {
        allRuns.remove(listener);
    }

    int listenerCount(String runId) {
        Set<BoundedListener> listeners = byRun.get(runId);
        return listeners == null ? 0 : listeners.size();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        byRun.values().forEach(listeners -> listeners.forEach(BoundedListener::close));
        allRuns.forEach(BoundedListener::close);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
