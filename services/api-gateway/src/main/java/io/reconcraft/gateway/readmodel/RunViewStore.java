package io.reconcraft.gateway.readmodel;

import io.reconcraft.gateway.run.RunView;
import io.reconcraft.gateway.store.RunStore;
import io.reconcraft.gateway.store.RunViewChange;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The read model's reads and writes of run views (through {@link RunStore}): one bulk write per batch of events, and a
 * query only for the runs whose documents this instance did not write last.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RunViewStore {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final RunStore runs;

    Map<String, RunState> load(Collection<String> runIds) {
        Map<String, RunState> states = new HashMap<>();
        runs.findAsLastWritten(runIds)
                .doOnNext(view -> states.put(view.id(), new RunState(view)))
                .then().block(TIMEOUT);
        return states;
    }

    /** The runs this instance reads changed: what it wrote before may have been replaced by another since. */
    void forgetWritten() {
        runs.forgetWritten();
    }

    /** Writes each run's new state over its document. Only the listener of the run's partition writes it. */
    void write(List<RunViewChange> changes) {
        runs.writeAll(changes).block(TIMEOUT);
    }
}
