package io.reconcraft.findings.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The only owner of {@code reports} and {@code reportFiles}. A report is one document of bytes (reports are far
 * below MongoDB's 16 MB document limit), written before its description, so a listed report can always be
 * downloaded. Ids are derived from what the report answers, so writing one again replaces it.
 */
@Component
public class ReportStore {

    static final String FILES = "reportFiles";

    private final ReactiveMongoTemplate mongo;

    public ReportStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<ReportRecord> save(ReportRecord report, byte[] content) {
        Document file = new Document("_id", report.id()).append("content", new Binary(content));
        return mongo.save(file, FILES).then(mongo.save(report));
    }

    public Flux<ReportRecord> ofRun(String runId) {
        return mongo.find(Query.query(where("runId").is(runId)).with(Sort.by("createdAt", "_id")), ReportRecord.class);
    }

    public Mono<ReportRecord> byId(String id) {
        return mongo.findById(id, ReportRecord.class);
    }

    public Mono<byte[]> content(String id) {
        return mongo.findById(id, Document.class, FILES).map(file -> file.get("content", Binary.class).getData());
    }
}
