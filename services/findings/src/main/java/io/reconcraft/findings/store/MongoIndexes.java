package io.reconcraft.findings.store;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** One stored finding per fingerprint is what makes "the same finding seen twice" one record. */
@Component
class MongoIndexes {

    private final ReactiveMongoTemplate mongo;

    MongoIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        // at construction, before any listener can insert a finding
        mongo.indexOps(FindingRecord.class).createIndex(new Index("fingerprint", Sort.Direction.ASC).unique()).block();
    }

    @EventListener(ApplicationReadyEvent.class)
    void secondaryIndexes() {
        mongo.indexOps(StepRecord.class).createIndex(new Index("runId", Sort.Direction.ASC)).subscribe();
        mongo.indexOps(TimelineRecord.class).createIndex(new Index("runId", Sort.Direction.ASC)).subscribe();
        mongo.indexOps(ReportRecord.class).createIndex(new Index("runId", Sort.Direction.ASC)).subscribe();
        // a run's findings (its end, its diff): its filed history entries and the records it changed last; a finding's
        // whole history; and the few unfinished report steps the timer looks for
        mongo.indexOps(HistoryRecord.class).createIndex(new Index("runId", Sort.Direction.ASC)).subscribe();
        mongo.indexOps(HistoryRecord.class).createIndex(new Index("findingId", Sort.Direction.ASC)).subscribe();
        mongo.indexOps(FindingRecord.class).createIndex(new Index("recentHistory.runId", Sort.Direction.ASC)).subscribe();
        mongo.indexOps(ReportStep.class).createIndex(new Index("status", Sort.Direction.ASC)).subscribe();
        mongo.indexOps(ReportStep.class).createIndex(new Index("runId", Sort.Direction.ASC)).subscribe();
    }
}
