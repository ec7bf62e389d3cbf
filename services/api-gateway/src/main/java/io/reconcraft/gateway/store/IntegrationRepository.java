package io.reconcraft.gateway.store;

import io.reconcraft.gateway.integrations.Integration;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

/** The saved webhooks, one per channel (the channel is the id). */
public interface IntegrationRepository extends ReactiveMongoRepository<Integration, String> {
}
