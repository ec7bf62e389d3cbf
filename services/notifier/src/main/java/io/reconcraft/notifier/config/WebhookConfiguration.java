package io.reconcraft.notifier.config;

import io.reconcraft.notifier.webhook.HostResolver;
import io.reconcraft.notifier.webhook.WebhookClient;
import io.reconcraft.notifier.webhook.WebhookGuard;
import io.reconcraft.notifier.webhook.WebhookProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebhookConfiguration.class);

    @Bean
    WebhookGuard webhookGuard(WebhookProperties properties) {
        if (properties.allowLoopback()) {
            log.warn("reconcraft.webhooks.allow-loopback is ON: webhooks may go to loopback addresses over http. "
                    + "This is for local testing only and must never be set in production.");
        }
        return new WebhookGuard(properties, HostResolver.SYSTEM);
    }

    @Bean
    WebhookClient webhookClient(WebhookGuard guard, NotifierProperties properties) {
        return new WebhookClient(guard, properties, Clock.systemUTC());
    }
}
