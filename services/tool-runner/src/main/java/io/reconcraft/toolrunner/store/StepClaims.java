package io.reconcraft.toolrunner.store;

import io.reconcraft.messaging.DuplicateKeys;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Makes each step attempt run once across all instances and redeliveries: whoever inserts the
 * claim document first runs it; the unique {@code _id} turns every later attempt into a no-op.
 */
@Component
@RequiredArgsConstructor
public class StepClaims {

    static final String COLLECTION = "step_claims";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;

    /** One attempt of a step: what is claimed. */
    public record Attempt(String stepId, int attempt) {
    }

    /**
     * Claims the attempts in one unordered insert and returns the positions of those this worker now owns: an attempt
     * claimed before (by anyone, or earlier in the same list) is refused by the unique {@code _id}, the others are
     * claimed all the same.
     */
    public Set<Integer> claimAll(List<Attempt> attempts, String workerId) {
        Date now = new Date();
        List<Document> claims = attempts.stream().map(attempt -> new Document("_id", idOf(attempt))
                .append("workerId", workerId).append("claimedAt", now)).toList();
        return DuplicateKeys.insertNew(mongo.getCollection(COLLECTION), claims, TIMEOUT);
    }

    /** Gives back an attempt that could not be started, so that a redelivery can run it. */
    public void release(Attempt attempt, String workerId) {
        Query ownClaim = Query.query(Criteria.where("_id").is(idOf(attempt)).and("workerId").is(workerId));
        mongo.remove(ownClaim, COLLECTION).block();
    }

    static String idOf(Attempt attempt) {
        return attempt.stepId() + ":" + attempt.attempt();
    }
}
