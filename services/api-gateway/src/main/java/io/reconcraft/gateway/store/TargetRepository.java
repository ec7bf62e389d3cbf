package io.reconcraft.gateway.targets;

import java.util.Collection;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Flux;

public interface TargetRepository extends ReactiveMongoRepository<AuthorizedTarget, String> {

    Flux<AuthorizedTarget> findByValueIn(Collection<String> values);
}
