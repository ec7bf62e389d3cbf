package io.reconcraft.toolrunner.config;

import io.reconcraft.messaging.AuthorizedTargetsView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;

@Configuration
class ScopeConfiguration {

    /** The authoritative allow-list: what the gateway signed and published, never what a request claims. */
    @Bean
    AuthorizedTargetsView authorizedTargetsView(ConsumerFactory<?, ?> consumers) {
        return new AuthorizedTargetsView(consumers);
    }
}
