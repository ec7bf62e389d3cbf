package io.reconcraft.audit.store;

import io.reconcraft.audit.config.AuditProperties;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.stereotype.Component;

/**
 * Keeps the TTL index on {@code receivedAt} in line with {@code reconcraft.audit.retention}: created with the
 * configured age, re-created when the setting changed (MongoDB cannot alter a TTL in place here), dropped
 * when retention is zero (keep forever). Expiry removes the oldest records first, so the chain that remains
 * is still one unbroken line; verification anchors on the oldest remaining record (see ChainVerifier).
 */
@Component
public class RetentionIndex {

    static final String NAME = "receivedAt_ttl";
    private static final Logger log = LoggerFactory.getLogger(RetentionIndex.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;
    private final AuditProperties properties;

    public RetentionIndex(ReactiveMongoTemplate mongo, AuditProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void apply() {
        var indexes = mongo.indexOps(AuditStore.COLLECTION);
        IndexInfo existing = indexes.getIndexInfo().filter(info -> NAME.equals(info.getName())).next().block(TIMEOUT);
        Duration wanted = properties.keepsForever() ? null : properties.retention();
        Duration current = existing == null ? null : existing.getExpireAfter().orElse(null);
        if (existing != null && Objects.equals(current, wanted)) {
            return;
        }
        if (existing != null) {
            indexes.dropIndex(NAME).block(TIMEOUT);
        }
        if (wanted != null) {
            indexes.createIndex(new Index().on("receivedAt", Sort.Direction.ASC).named(NAME).expire(wanted)).block(TIMEOUT);
            log.info("audit records expire {} after they were received", wanted);
        } else {
            log.info("audit retention is zero: records are kept forever");
        }
    }
}
