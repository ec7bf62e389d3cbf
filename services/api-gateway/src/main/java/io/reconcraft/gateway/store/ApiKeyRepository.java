package io.reconcraft.gateway.store;

import io.reconcraft.gateway.auth.ApiKey;
import java.time.Instant;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import org.springframework.data.mongodb.repository.Update;
import reactor.core.publisher.Mono;

public interface ApiKeyRepository extends ReactiveMongoRepository<ApiKey, String> {

    Mono<ApiKey> findByKeyHash(String keyHash);

    /** The keys that have not expired at {@code now}: no expiry, or one after it. */
    Mono<Long> countByExpiresAtIsNullOrExpiresAtAfter(Instant now);

    /** Sets the key's {@code lastUsed} and nothing else; the number of keys changed. */
    @Update("{ '$set': { 'lastUsed': ?1 } }")
    Mono<Long> findAndSetLastUsedById(String id, Instant lastUsed);
}
