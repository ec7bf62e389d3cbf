package io.reconcraft.gateway.integrations;

import io.reconcraft.workflow.WebhookUrlRule;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The same properties the notifier reads, so both accept the same webhook URLs.
 *
 * @param allowLoopback local testing only: http or https webhooks to loopback addresses are accepted
 * @param allowedHosts  the only hosts a webhook may point at
 */
@ConfigurationProperties("reconcraft.webhooks")
public record WebhookProperties(Boolean allowLoopback, Set<String> allowedHosts) {

    public WebhookProperties {
        allowLoopback = allowLoopback != null && allowLoopback;
        allowedHosts = allowedHosts == null || allowedHosts.isEmpty()
                ? WebhookUrlRule.DEFAULT.allowedHosts() : Set.copyOf(allowedHosts);
    }

    public WebhookUrlRule rule() {
        return new WebhookUrlRule(allowedHosts, allowLoopback);
    }
}
