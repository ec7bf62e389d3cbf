package io.reconcraft.findings.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The only owner of the {@code runs} collection; every write is an idempotent upsert. */
@Component
public class RunStore {

    private final ReactiveMongoTemplate mongo;

    public RunStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<RunRecord> byId(String runId) {
        return mongo.findById(runId, RunRecord.class);
    }

    public Mono<Void> requested(String runId, String workflowId, String workflowName, List<String> targets,
                                Map<String, RunRecord.NodeInfo> nodes, Instant at) {
        Update update = new Update().set("workflowId", workflowId).set("workflowName", workflowName)
                .set("targets", targets).set("nodes", nodes).set("startedAt", at)
                .setOnInsert("resolvedApplied", false);
        return mongo.upsert(Query.query(where("_id").is(runId)), update, RunRecord.class).then();
    }

    public Mono<Void> completed(String runId, String status, Instant at) {
        Update update = new Update().set("completedAt", at).set("status", status)
                .setOnInsert("resolvedApplied", false);
        return mongo.upsert(Query.query(where("_id").is(runId)), update, RunRecord.class).then();
    }

    public Mono<Void> resolvedApplied(String runId) {
        return mongo.updateFirst(Query.query(where("_id").is(runId)), new Update().set("resolvedApplied", true),
                RunRecord.class).then();
    }
}
