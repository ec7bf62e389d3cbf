package io.reconcraft.gateway.health;

import io.reconcraft.gateway.config.GatewayProperties;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Asks the broker to describe its cluster, through one long-lived admin client, with a short timeout. */
@Component
class KafkaProbe implements DisposableBean {

    private final AdminClient admin;
    private final Duration timeout;

    KafkaProbe(KafkaAdmin kafkaAdmin, GatewayProperties properties) {
        this.timeout = properties.healthTimeout();
        var config = new java.util.HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.admin = AdminClient.create(config);
    }

    Mono<Boolean> connected() {
        return Mono.fromCallable(() -> {
                    admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                            .clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    return true;
                })
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorReturn(false);
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }
}
