package io.reconcraft.gateway.auth;

import io.reconcraft.gateway.config.GatewayProperties;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Makes sure an administrator can get in: the configured admin key is registered (once, across restarts);
 * without one, a fresh store gets a generated admin key, printed to stdout this one time only.
 */
@Component
class BootstrapAdminKey implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdminKey.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String NAME = "bootstrap-admin";

    private final GatewayProperties properties;
    private final ApiKeyService keys;
    private final ApiKeyRepository repository;

    BootstrapAdminKey(GatewayProperties properties, ApiKeyService keys, ApiKeyRepository repository) {
        this.properties = properties;
        this.keys = keys;
        this.repository = repository;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureAdminKey().block(TIMEOUT);
    }

    Mono<Void> ensureAdminKey() {
        if (properties.hasAdminApiKey()) {
            String configured = properties.adminApiKey().strip();
            return repository.findByKeyHash(ApiKeySecrets.hash(configured))
                    .switchIfEmpty(Mono.defer(() -> keys.store(NAME, configured, ApiRole.ADMIN, null)
                            .doOnNext(key -> log.info("registered the configured admin API key as {} ({}...)",
                                    key.id(), key.keyPrefix()))))
                    .then();
        }
        return repository.count().flatMap(count -> {
            if (count > 0) {
                return Mono.empty();
            }
            String generated = ApiKeySecrets.generate();
            return keys.store(NAME, generated, ApiRole.ADMIN, null)
                    // Deliberately stdout and not the logger: the one place a key is ever shown, once.
                    .doOnNext(key -> System.out.println("Bootstrap admin API key: " + generated))
                    .then();
        });
    }
}
