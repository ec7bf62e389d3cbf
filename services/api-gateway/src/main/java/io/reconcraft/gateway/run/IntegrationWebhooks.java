package io.reconcraft.gateway.run;

import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.events.model.WorkflowSnapshot;
import io.reconcraft.gateway.integrations.IntegrationService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Slack and Discord nodes without a webhook URL of their own post to the configured integration. The
 * notifier cannot read the gateway's integrations, so the run's snapshot carries the URL (a secret:
 * masked wherever events are stored or shown, never in the run's view).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class IntegrationWebhooks {

    private static final Set<String> CHANNELS = Set.of("slack", "discord");

    private final IntegrationService integrations;

    Mono<WorkflowSnapshot> fill(WorkflowSnapshot workflow) {
        return Flux.fromIterable(workflow.nodes())
                .concatMap(node -> usesIntegration(node)
                        ? integrations.enabledWebhook(node.kind()).map(url -> withWebhook(node, url)).defaultIfEmpty(node)
                        : Mono.just(node))
                .collectList()
                .map(nodes -> new WorkflowSnapshot(workflow.id(), workflow.name(), nodes, workflow.edges()));
    }

    private static boolean usesIntegration(WorkflowNode node) {
        return CHANNELS.contains(node.kind())
                && !(node.config().get("webhookUrl") instanceof String url && !url.isBlank());
    }

    private static WorkflowNode withWebhook(WorkflowNode node, String url) {
        Map<String, Object> config = new LinkedHashMap<>(node.config());
        config.put("webhookUrl", url);
        return new WorkflowNode(node.id(), node.kind(), node.label(), node.category(), config, node.position());
    }
}
