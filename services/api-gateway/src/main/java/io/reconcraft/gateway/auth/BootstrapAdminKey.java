package io.reconcraft.gateway.auth;

import io.reconcraft.gateway.config.GatewayProperties;
import io.reconcraft.gateway.store.ApiKeyRepository;
import java.time.Duration;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Makes sure an administrator can get in on a fresh install: an empty key store gets the configured admin key,
 * or without one a generated admin key, printed to stdout this one time only. A store with any key is left alone.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class BootstrapAdminKey implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdminKey.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String NAME = "bootstrap-admin";

    private final GatewayProperties properties;
    private final ApiKeyService keys;
    private final ApiKeyRepository repository;

    @Override
    public void run(ApplicationArguments args) {
        ensureAdminKey().block(TIMEOUT);
    }

    /**
     * Only an EMPTY key store is bootstrapped: once any key exists, the administrators manage keys, and a
     * bootstrap key they deleted must stay deleted across restarts.
     */
    Mono<Void> ensureAdminKey() {
        return repository.count().flatMap(count -> {
            if (count > 0) {
                if (properties.hasAdminApiKey()) {
                    log.debug("the key store is not empty: the configured admin API key is not registered again");
                }
                return Mono.empty();
            }
            if (properties.hasAdminApiKey()) {
                String configured = properties.adminApiKey().strip();
                return keys.store(NAME, configured, ApiRole.ADMIN, null)
                        .doOnNext(key -> log.info("registered the configured admin API key as {} ({}...)",
                                key.id(), key.keyPrefix()))
                        .then();
            }
            String generated = ApiKeySecrets.generate();
            return keys.store(NAME, generated, ApiRole.ADMIN, null)
                    // Deliberately stdout and not the logger: the one place a key is ever shown, once.
                    .doOnNext(key -> System.out.println("Bootstrap admin API key: " + generated))
                    .then();
        });
    }
}
