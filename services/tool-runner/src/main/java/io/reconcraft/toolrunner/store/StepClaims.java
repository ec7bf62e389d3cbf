package io.reconcraft.toolrunner.store;

import java.util.Date;
import lombok.RequiredArgsConstructor;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
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

    private final ReactiveMongoTemplate mongo;

    /** True when this worker now owns the attempt; false when someone already claimed it. */
    public boolean claim(String stepId, int attempt, String workerId) {
        Document claim = new Document("_id", idOf(stepId, attempt))
                .append("workerId", workerId)
                .append("claimedAt", new Date());
        try {
            mongo.insert(claim, COLLECTION).block();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Gives back an attempt whose start could not be announced, so that a redelivery can run it. */
    public void release(String stepId, int attempt, String workerId) {
        Query ownClaim = Query.query(Criteria.where("_id").is(idOf(stepId, attempt)).and("workerId").is(workerId));
        mongo.remove(ownClaim, COLLECTION).block();
    }

    static String idOf(String stepId, int attempt) {
        return stepId + ":" + attempt;
    }
}
