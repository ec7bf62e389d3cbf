package io.reconcraft.toolrunner.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.reconcraft.testing.RealInfrastructure;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** A poll's step attempts claimed in one write, on the MongoDB-wire server the tests and the local stack use. */
class StepClaimsTest {

    private final MongoClient client = MongoClients.create(RealInfrastructure.mongoUri());
    private final ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "step-claims-" + UUID.randomUUID());
    private final StepClaims claims = new StepClaims(mongo);

    private final StepClaims.Attempt scan = new StepClaims.Attempt("run-1:scan", 1);
    private final StepClaims.Attempt probe = new StepClaims.Attempt("run-1:probe", 1);
    private final StepClaims.Attempt scanAgain = new StepClaims.Attempt("run-1:scan", 2);

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void givenAnAttemptAnotherWorkerClaimed_whenAGroupHoldingItIsClaimed_thenTheOthersAreOwnedAndItStaysTheOthers() {
        claims.claimAll(List.of(scan), "runner-b");

        assertThat(claims.claimAll(List.of(scan, probe, scanAgain), "runner-a")).containsExactly(1, 2);
        assertThat(workerOf(scan)).isEqualTo("runner-b");
        assertThat(workerOf(probe)).isEqualTo("runner-a");
        assertThat(workerOf(scanAgain)).isEqualTo("runner-a");
    }

    @Test
    void givenTheSameAttemptTwiceInAGroup_whenClaimed_thenOnlyItsFirstPositionIsOwned() {
        assertThat(claims.claimAll(List.of(scan, scan, probe), "runner-a")).containsExactly(0, 2);
    }

    @Test
    void givenAClaimGivenBack_whenTheAttemptIsClaimedAgain_thenItIsOwnedAgain() {
        claims.claimAll(List.of(scan), "runner-a");

        claims.release(scan, "runner-a");

        assertThat(claims.claimAll(List.of(scan), "runner-a")).containsExactly(0);
    }

    @Test
    void givenAnotherWorkersClaim_whenThisWorkerGivesItBack_thenItIsKept() {
        claims.claimAll(List.of(scan), "runner-b");

        claims.release(scan, "runner-a");

        assertThat(workerOf(scan)).isEqualTo("runner-b");
        assertThat(claims.claimAll(List.of(scan), "runner-a")).isEmpty();
    }

    private String workerOf(StepClaims.Attempt attempt) {
        Document claim = mongo.findOne(Query.query(Criteria.where("_id").is(StepClaims.idOf(attempt))), Document.class,
                StepClaims.COLLECTION).block();
        return claim == null ? null : claim.getString("workerId");
    }
}
