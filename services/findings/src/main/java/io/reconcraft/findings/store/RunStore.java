package io.reconcraft.findings.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The only owner of the {@code runs} collection; every write is an idempotent upsert. */
@Component
@RequiredArgsConstructor
public class RunStore {

    private final ReactiveMongoTemplate mongo;

    public Mono<RunRecord> byId(String runId) {
        return mongo.findById(runId, RunRecord.class);
    }

    public Flux<RunRecord> byIds(Collection<String> runIds) {
        if (runIds.isEmpty()) {
            return Flux.empty();
        }
        return mongo.find(Query.query(where("_id").in(runIds)), RunRecord.class);
    }

    /** What RunRequested says of a run. */
    public record Requested(String runId, String workflowId, String workflowName, List<String> targets,
                            Map<String, RunRecord.NodeInfo> nodes, Instant at) {
    }

    /** Several runs' requests in one bulk write; each is an idempotent upsert as {@link #requested} is. */
    public Mono<Void> requestedAll(List<Requested> requests) {
        if (requests.isEmpty()) {
            return Mono.empty();
        }
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, RunRecord.class);
        for (Requested r : requests) {
            bulk.upsert(Query.query(where("_id").is(r.runId())), requestedUpdate(r.workflowId(), r.workflowName(),
                    r.targets(), r.nodes(), r.at()));
        }
        return bulk.execute().then();
    }

    /** What RunCompleted says of a run, written once its resolutions are. */
    public record Completed(String runId, String status, Instant at) {
    }

    /** Several runs' ends, with their resolutions written, in one bulk write of idempotent upserts. */
    public Mono<Void> completedAll(List<Completed> ends) {
        if (ends.isEmpty()) {
            return Mono.empty();
        }
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, RunRecord.class);
        for (Completed end : ends) {
            bulk.upsert(Query.query(where("_id").is(end.runId())), new Update().set("completedAt", end.at())
                    .set("status", end.status()).set("resolvedApplied", true));
        }
        return bulk.execute().then();
    }

    private static Update requestedUpdate(String workflowId, String workflowName, List<String> targets,
                                          Map<String, RunRecord.NodeInfo> nodes, Instant at) {
        return new Update().set("workflowId", workflowId).set("workflowName", workflowName)
                .set("targets", targets).set("nodes", nodes).set("startedAt", at)
                .setOnInsert("resolvedApplied", false);
    }
}
