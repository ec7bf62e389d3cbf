package io.reconcraft.findings.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The only owner of {@code reportSteps}: accepted once, claimed by one instance at a time. */
@Component
@RequiredArgsConstructor
public class ReportStepStore {

    private final ReactiveMongoTemplate mongo;

    /** Stores the step if it is new; a redelivered request finds it and changes nothing. */
    public Mono<ReportStep> accept(ReportStep step) {
        Update update = new Update().setOnInsert("runId", step.runId()).setOnInsert("stepId", step.stepId())
                .setOnInsert("nodeId", step.nodeId()).setOnInsert("name", step.name())
                .setOnInsert("attempt", step.attempt()).setOnInsert("config", step.config())
                .setOnInsert("upstreamNodeIds", step.upstreamNodeIds()).setOnInsert("receivedAt", step.receivedAt())
                .setOnInsert("status", ReportStep.WAITING);
        return mongo.upsert(Query.query(where("_id").is(step.id())), update, ReportStep.class)
                .then(mongo.findById(step.id(), ReportStep.class));
    }

    /** True when this caller now holds the step until {@code until}. */
    public Mono<Boolean> claim(String id, Instant now, Instant until) {
        Criteria claimable = new Criteria().orOperator(where("status").is(ReportStep.WAITING),
                new Criteria().andOperator(where("status").is(ReportStep.WRITING), where("claimedUntil").lt(now)));
        return mongo.updateFirst(Query.query(new Criteria().andOperator(where("_id").is(id), claimable)),
                        new Update().set("status", ReportStep.WRITING).set("claimedUntil", until), ReportStep.class)
                .map(result -> result.getModifiedCount() > 0);
    }

    public Mono<Void> release(String id) {
        return mongo.updateFirst(Query.query(where("_id").is(id).and("status").is(ReportStep.WRITING)),
                new Update().set("status", ReportStep.WAITING).unset("claimedUntil"), ReportStep.class).then();
    }

    public Mono<Void> finish(String id, String status) {
        return mongo.updateFirst(Query.query(where("_id").is(id)), new Update().set("status", status), ReportStep.class)
                .then();
    }

    /**
     * Steps not finished: waiting, or held by an instance whose lease ran out. The status's {@code $in} at the top level
     * is what lets the index on it select selects the few unfinished steps instead of every report step ever written.
     */
    public Flux<ReportStep> open(Instant now) {
        return mongo.find(Query.query(where("status").in(ReportStep.WAITING, ReportStep.WRITING)
                        .orOperator(where("status").is(ReportStep.WAITING), where("claimedUntil").lt(now))),
                ReportStep.class);
    }

    public Flux<ReportStep> ofStep(String stepId) {
        return mongo.find(Query.query(where("stepId").is(stepId)), ReportStep.class);
    }

    public Flux<ReportStep> waitingOf(java.util.Collection<String> runIds) {
        return mongo.find(Query.query(where("runId").in(runIds).and("status").is(ReportStep.WAITING)),
                ReportStep.class);
    }
}
