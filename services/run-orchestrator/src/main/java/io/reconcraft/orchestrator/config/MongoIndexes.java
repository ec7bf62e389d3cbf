package io.reconcraft.orchestrator.config;

import io.reconcraft.orchestrator.store.RunDocument;
import java.time.Duration;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The sweepers ask every second for the OPEN runs with something due; by status, that is the few runs in flight,
 * not every run ever stored (which is what made each sweep slower as history grew).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MongoIndexes implements InitializingBean {

    private final ReactiveMongoTemplate mongo;

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(RunDocument.class).createIndex(new Index("status", Sort.Direction.ASC).named("status"))
                .block(Duration.ofSeconds(30));
    }
}
