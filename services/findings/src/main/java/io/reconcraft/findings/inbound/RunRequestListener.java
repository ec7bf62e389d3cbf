package io.reconcraft.findings.inbound;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.RunRequested;
import io.reconcraft.events.Topics;
import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.findings.store.RunRecord;
import io.reconcraft.findings.store.RunStore;
import io.reconcraft.messaging.ReadablePoll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/** Remembers each run's workflow, targets and node kinds: what a report names and what a run's steps cover. */
@Component
@RequiredArgsConstructor
public class RunRequestListener {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final RunStore runs;

    /** A poll's worth of requests in one bulk write; a record that cannot be read is dead-lettered after the rest. */
    @KafkaListener(topics = Topics.RUN_REQUESTS, batch = "true")
    public void on(List<ConsumerRecord<String, EventEnvelope>> records) {
        ReadablePoll.apply(records, this::store);
    }

    private void store(List<ConsumerRecord<String, EventEnvelope>> records) {
        List<RunStore.Requested> requests = new ArrayList<>();
        for (ConsumerRecord<String, EventEnvelope> record : records) {
            EventEnvelope event = record.value();
            if (event.payload() instanceof RunRequested requested && event.runId() != null) {
                requests.add(requestOf(event.runId(), requested, event.occurredAt()));
            }
        }
        try {
            runs.requestedAll(requests).block(WRITE_TIMEOUT);
        } catch (RuntimeException batchFailed) {
            // one at a time: the one that fails is retried and dead-lettered alone, the ones before it committed
            for (int i = 0; i < requests.size(); i++) {
                try {
                    runs.requestedAll(List.of(requests.get(i))).block(WRITE_TIMEOUT);
                } catch (RuntimeException failed) {
                    throw new BatchListenerFailedException(failed.getMessage(), failed, recordOf(records, requests.get(i)));
                }
            }
        }
    }

    private static ConsumerRecord<String, EventEnvelope> recordOf(List<ConsumerRecord<String, EventEnvelope>> records,
                                                                  RunStore.Requested request) {
        return records.stream().filter(r -> r.value() != null && request.runId().equals(r.value().runId())
                && r.value().payload() instanceof RunRequested).findFirst().orElse(records.get(0));
    }

    private static RunStore.Requested requestOf(String runId, RunRequested requested, java.time.Instant at) {
        Map<String, RunRecord.NodeInfo> nodes = new LinkedHashMap<>();
        String workflowId = null;
        String workflowName = null;
        if (requested.workflow() != null) {
            workflowId = requested.workflow().id();
            workflowName = requested.workflow().name();
            for (WorkflowNode node : requested.workflow().nodes()) {
                nodes.put(node.id(), new RunRecord.NodeInfo(node.kind(), node.displayName(), targetsOf(node)));
            }
        }
        return new RunStore.Requested(runId, workflowId, workflowName, requested.targets(), nodes, at);
    }

    private static List<String> targetsOf(WorkflowNode node) {
        Object targets = node.config().get("targets");
        if (!(targets instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(value -> value != null && !value.toString().isBlank()).map(Object::toString).toList();
    }
}
