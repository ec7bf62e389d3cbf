package io.reconcraft.gateway.workflow;

import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.gateway.integrations.IntegrationView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Webhook URLs inside node configs are secrets: every answer shows them masked, to every role, and a workflow
 * saved back with a node's masked value unchanged keeps that node's stored URL (the Studio loads a workflow and
 * saves it back whole).
 */
final class WorkflowSecrets {

    static final String WEBHOOK_URL = "webhookUrl";

    private WorkflowSecrets() {
    }

    static Workflow masked(Workflow workflow) {
        return new Workflow(workflow.id(), workflow.name(), workflow.authorizedTargets(), workflow.createdAt(),
                workflow.updatedAt(), workflow.nodes().stream().map(WorkflowSecrets::masked).toList(),
                workflow.edges());
    }

    /** {@code input} with every masked webhook URL replaced by what the same node of {@code stored} holds. */
    static WorkflowInput restored(WorkflowInput input, Workflow stored) {
        Map<String, WorkflowNode> storedById = stored.nodes().stream().filter(n -> n.id() != null)
                .collect(Collectors.toMap(WorkflowNode::id, Function.identity(), (a, b) -> a));
        List<WorkflowNode> nodes = input.nodes().stream().map(node -> {
            WorkflowNode before = node == null || node.id() == null ? null : storedById.get(node.id());
            if (before == null || !(node.config().get(WEBHOOK_URL) instanceof String sent)
                    || !(before.config().get(WEBHOOK_URL) instanceof String kept)
                    || !sent.equals(IntegrationView.mask(kept))) {
                return node;
            }
            return withWebhook(node, kept);
        }).toList();
        return new WorkflowInput(input.id(), input.name(), input.authorizedTargets(), nodes, input.edges());
    }

    private static WorkflowNode masked(WorkflowNode node) {
        if (node == null || !(node.config().get(WEBHOOK_URL) instanceof String url) || url.isBlank()) {
            return node;
        }
        return withWebhook(node, IntegrationView.mask(url));
    }

    private static WorkflowNode withWebhook(WorkflowNode node, String url) {
        Map<String, Object> config = new LinkedHashMap<>(node.config());
        config.put(WEBHOOK_URL, url);
        return new WorkflowNode(node.id(), node.kind(), node.label(), node.category(), config, node.position());
    }
}
