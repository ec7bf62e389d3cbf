package io.reconcraft.findings.inbound;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.RunRequested;
import io.reconcraft.events.Topics;
import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.findings.store.RunRecord;
import io.reconcraft.findings.store.RunStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Remembers each run's workflow, targets and node kinds: what a report names and what a run's steps cover. */
@Component
public class RunRequestListener {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final RunStore runs;

    public RunRequestListener(RunStore runs) {
        this.runs = runs;
    }

    @KafkaListener(topics = Topics.RUN_REQUESTS)
    public void on(EventEnvelope event) {
        if (!(event.payload() instanceof RunRequested requested) || event.runId() == null) {
            return;
        }
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
        runs.requested(event.runId(), workflowId, workflowName, requested.targets(), nodes, event.occurredAt())
                .block(WRITE_TIMEOUT);
    }

    private static List<String> targetsOf(WorkflowNode node) {
        Object targets = node.config().get("targets");
        if (!(targets instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(value -> value != null && !value.toString().isBlank()).map(Object::toString).toList();
    }
}
