package io.reconcraft.findings.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.reconcraft.messaging.DuplicateKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Records stored before the history had its own collection hold their whole history in the record. At start, before
 * any listener or request can read or change a finding, each such history is filed ({@link HistoryRecord}, in its
 * order) and then taken off its record. Stopped half-way, it goes on at the next start: filing an entry twice files
 * it once, and a record keeps its history until its entries are filed.
 */
@Component
class HistoryMigration {

    private static final int BATCH = 200;
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final String HISTORY = "history";

    private final ReactiveMongoTemplate mongo;

    HistoryMigration(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        migrate();
    }

    /** How many records had their history moved. */
    int migrate() {
        int moved = 0;
        while (true) {
            List<FindingRecord> batch = mongo.find(Query.query(where(HISTORY).exists(true)).limit(BATCH),
                    FindingRecord.class).collectList().block(TIMEOUT);
            if (batch == null || batch.isEmpty()) {
                return moved;
            }
            List<HistoryRecord> entries = new ArrayList<>();
            var taken = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, FindingRecord.class);
            for (FindingRecord record : batch) {
                for (int i = 0; i < record.history().size(); i++) {
                    entries.add(HistoryRecord.of(record, record.history().get(i), i));
                }
                taken.updateOne(Query.query(where("_id").is(record.id())), new Update().unset(HISTORY)
                        .set("recentHistory", List.of()).set("historySize", record.history().size()));
            }
            if (!entries.isEmpty()) {
                mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, HistoryRecord.class).insert(entries).execute().then()
                        .onErrorResume(DuplicateKeys::only, e -> Mono.empty()).block(TIMEOUT);
            }
            taken.execute().block(TIMEOUT);
            moved += batch.size();
        }
    }
}
