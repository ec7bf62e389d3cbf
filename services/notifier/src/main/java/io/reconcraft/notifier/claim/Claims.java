package io.reconcraft.notifier.claim;

import java.util.Date;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * First-writer-wins claims: a message is posted at most once across instances and redeliveries,
 * because only the one whose insert of the claim's unique {@code _id} succeeds goes on.
 */
@Component
public class Claims {

    public static final String STEPS = "step_claims";
    public static final String NOTIFICATIONS = "notification_claims";

    private final ReactiveMongoTemplate mongo;

    public Claims(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public boolean claim(String collection, String id, String workerId) {
        try {
            mongo.insert(new Document("_id", id).append("workerId", workerId).append("claimedAt", new Date()), collection)
                    .block();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Only for work that had not started yet, so that a redelivery can do it. */
    public void release(String collection, String id, String workerId) {
        mongo.remove(Query.query(Criteria.where("_id").is(id).and("workerId").is(workerId)), collection).block();
    }
}
