package io.reconcraft.gateway.store;

import io.reconcraft.gateway.targets.AuthorizedTarget;
import java.util.Collection;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Flux;

public interface TargetRepository extends ReactiveMongoRepository<AuthorizedTarget, String> {

    Flux<AuthorizedTarget> findByValueIn(Collection<String> values);
}
