package io.reconcraft.gateway.readmodel;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.gateway.stream.RunEvent;
import io.reconcraft.gateway.store.RunEventJournal;
import io.reconcraft.gateway.store.RunViewChange;
import io.reconcraft.gateway.stream.RunEventListenerRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the run read model up to date from the run and step events ({@code inbound/RunEventsListener} hands it
 * the readable part of each poll), a poll's worth at a time: the events of each run are applied in memory, then the
 * batch's SSE events are stored in one insert and its runs in one bulk write (of the fields and steps that changed),
 * and only then are the events handed to live listeners. The partition's order and the position stored with each
 * run make a redelivered batch change nothing twice.
 */
@Component
@RequiredArgsConstructor
public class ReadModelUpdater {

    private static final Logger log = LoggerFactory.getLogger(ReadModelUpdater.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final RunViewStore store;
    private final RunChanges changes;
    private final RunEventJournal journal;
    private final RunEventListenerRegistry listeners;

    /** Applies one poll's readable records, in partition order. */
    public void apply(List<ConsumerRecord<String, EventEnvelope>> records) {
        Map<String, List<ConsumerRecord<String, EventEnvelope>>> byRun = new LinkedHashMap<>();
        for (ConsumerRecord<String, EventEnvelope> record : records) {
            String runId = record.value().runId();
            if (runId == null) {
                log.debug("ignoring {} {} without a run id", record.value().type(), record.value().eventId());
                continue;
            }
            byRun.computeIfAbsent(runId, id -> new ArrayList<>()).add(record);
        }
        if (byRun.isEmpty()) {
            return;
        }
        Map<String, RunState> runs = store.load(byRun.keySet());
        List<RunEvent> numbered = new ArrayList<>();
        List<RunViewChange> changed = new ArrayList<>();
        byRun.forEach((runId, events) -> {
            RunState run = runs.get(runId);
            if (run == null) {
                log.debug("ignoring {} event(s) of unknown run {}", events.size(), runId);
                return;
            }
            for (ConsumerRecord<String, EventEnvelope> record : events) {
                EventEnvelope event = record.value();
                if (!run.isNew(record.partition(), record.offset(), event.eventId())) {
                    log.debug("{} {} was already applied to run {}", event.type(), event.eventId(), runId);
                    continue;
                }
                for (RunEvent.Draft draft : changes.apply(run, event)) {
                    numbered.add(RunEvent.numbered(runId, run.nextSeq(), draft));
                }
                run.applied(record.partition(), record.offset(), event.eventId());
            }
            if (run.changed()) {
                changed.add(run.toChange());
            }
        });
        journal.store(numbered).block(WRITE_TIMEOUT);
        store.write(changed);
        listeners.deliver(numbered);
    }

    /** The partitions read here changed: runs written before may now be written by another instance. */
    public void partitionsChanged() {
        store.forgetWritten();
    }

}
