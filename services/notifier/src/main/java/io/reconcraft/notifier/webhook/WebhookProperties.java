package io.reconcraft.notifier.webhook;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Shared with the gateway's validation of webhook URLs.
 *
 * @param allowLoopback local testing only: http or https webhooks to loopback addresses are allowed; every other check stays
 * @param allowedHosts  the only hosts a webhook may point at
 */
@ConfigurationProperties("reconcraft.webhooks")
public record WebhookProperties(Boolean allowLoopback, Set<String> allowedHosts) {

    public WebhookProperties {
        allowLoopback = allowLoopback != null && allowLoopback;
        allowedHosts = allowedHosts == null || allowedHosts.isEmpty()
                ? Set.of("hooks.slack.com", "discord.com", "discordapp.com")
                : Set.copyOf(allowedHosts);
    }
}
