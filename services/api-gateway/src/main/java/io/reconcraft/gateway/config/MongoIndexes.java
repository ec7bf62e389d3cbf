package io.reconcraft.gateway.config;

import io.reconcraft.gateway.auth.ApiKey;
import io.reconcraft.gateway.stream.RunEvent;
import io.reconcraft.gateway.targets.AuthorizedTarget;
import java.time.Duration;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Indexes the gateway relies on (the runs collection's are made by their owner, RunStore); the unique ones are what
 * turn a duplicate target or key into a clean conflict.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MongoIndexes implements InitializingBean {

    private final ReactiveMongoTemplate mongo;

    @Override
    public void afterPropertiesSet() {
        Mono.when(
                mongo.indexOps(AuthorizedTarget.class).createIndex(new Index("value", Sort.Direction.ASC).unique()),
                mongo.indexOps(ApiKey.class).createIndex(new Index(ApiKey.KEY_HASH, Sort.Direction.ASC).unique()),
                // The SSE journal: one number per event of a run, read in order for replays (by run id: the
                // embedded server serves such a query from a plain index, not from the unique compound one).
                mongo.indexOps(RunEvent.class).createIndex(new Index("runId", Sort.Direction.ASC)),
                mongo.indexOps(RunEvent.class).createIndex(new CompoundIndexDefinition(
                        new org.bson.Document("runId", 1).append("seq", 1)).unique()))
                .block(Duration.ofSeconds(30));
    }
}
