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
import reactor.core.publisher.Flux;

/**
 * The sweepers ask every second for the OPEN runs with something due; by status, that is the few runs in flight,
 * not every run ever stored (which is what made each sweep slower as history grew). By the due times and deadlines of
 * steps and tasks, and the tasks waiting to start, they are the runs with something due: usually none, where the
 * status index handed over every running run, each read whole (~1 MB for a run of 1,000 scans) several times a
 * second.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MongoIndexes implements InitializingBean {

    private final ReactiveMongoTemplate mongo;

    @Override
    public void afterPropertiesSet() {
        Flux.just("status", "steps.dueAt", "steps.deadline", "steps.tasks.deadline", "steps.tasks.status")
                .concatMap(field -> mongo.indexOps(RunDocument.class)
                        .createIndex(new Index(field, Sort.Direction.ASC).named(field)))
                .then().block(Duration.ofSeconds(30));
    }
}
