package io.reconcraft.audit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.audit.support.AuditServiceTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;

/** The audit collection's indexes: an index left by an earlier version is dropped once, and only that one. */
class AuditStoreIndexTest extends AuditServiceTest {

    @Autowired
    AuditStore store;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void givenAnIndexAnEarlierVersionCreated_whenDroppedTwice_thenItIsGoneAfterTheFirstAndTheSecondFindsNothing() {
        mongo.indexOps(AuditStore.COLLECTION).createIndex(new Index("receivedAt", Sort.Direction.ASC)
                .named("receivedAt_old")).block(Duration.ofSeconds(10));

        assertThat(store.dropIndexIfPresent("receivedAt_old")).isTrue();
        assertThat(store.dropIndexIfPresent("receivedAt_old")).isFalse();

        assertThat(mongo.indexOps(AuditStore.COLLECTION).getIndexInfo().map(IndexInfo::getName).collectList()
                .block(Duration.ofSeconds(10))).doesNotContain("receivedAt_old").contains("sequence_unique");
    }
}
