package io.reconcraft.notifier.config;

import io.reconcraft.notifier.delivery.DeliveryProperties;
import io.reconcraft.notifier.delivery.RetryPolicy;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RetryPolicy retryPolicy(DeliveryProperties properties) {
        return new RetryPolicy(properties, bound -> ThreadLocalRandom.current().nextLong(bound));
    }
}
