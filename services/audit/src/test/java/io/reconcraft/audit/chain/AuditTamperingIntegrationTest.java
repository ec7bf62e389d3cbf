package io.reconcraft.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.reactivestreams.client.MongoCollection;
import io.reconcraft.audit.config.AuditProperties;
import io.reconcraft.audit.store.AuditStore;
import io.reconcraft.audit.support.AuditServiceTest;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.RunRequested;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.events.model.WorkflowSnapshot;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Someone who can write the database (but holds neither the chain key nor the anchors' topic) tampers with
 * the audit: every form of it is found by verification, and says where.
 */
class AuditTamperingIntegrationTest extends AuditServiceTest {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    AnchorLedger anchors;

    @Autowired
    Retention retention;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    KafkaAdmin admin;

    @Autowired
    AuditProperties properties;

    @Test
    void givenARecordRewrittenAndEveryLaterRecordReHashedWithoutTheKey_whenVerifiedFully_thenItFailsAtTheRewrittenRecord() {
        List<Document> chainFromRun = storeARunAndReadTheChainFromItsFirstRecord();
        List<Document> originals = chainFromRun.stream().map(Document::new).toList();
        Document target = chainFromRun.get(1);
        long sequence = sequence(target);
        try {
            // the attacker changes what a run did, then re-hashes the rest of the chain the only way they can
            target.put("payload", new Document(target.get("payload", Document.class)).append("worker", "someone-else"));
            String previous = chainFromRun.get(0).getString("hash");
            for (Document record : chainFromRun.subList(1, chainFromRun.size())) {
                record.put("previousHash", previous);
                previous = unkeyedHash(record);
                record.put("hash", previous);
                replace(record);
            }

            ChainVerification verification = verifyFully();

            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstBrokenSequence()).isEqualTo(sequence);
            assertThat(verification.eventId()).isEqualTo(target.getString("_id"));
            assertThat(verification.reason()).isEqualTo("the record's content does not match its hash");
        } finally {
            originals.forEach(this::replace);
        }
        assertThat(verifyFully().valid()).isTrue();
    }

    @Test
    void givenOnlyTheReceiptFieldsOfARecordChanged_whenVerifiedFully_thenItFailsAtThatRecord() {
        for (String field : List.of("receivedAt", "offset", "partition", "version")) {
            Document original = storeARunAndReadTheChainFromItsFirstRecord().get(2);
            try {
                Document edited = new Document(original);
                edited.put(field, original.get(field) instanceof Date date ? new Date(date.getTime() + 1000)
                        : ((Number) original.get(field)).intValue() + 1);
                replace(edited);

                ChainVerification verification = verifyFully();

                assertThat(verification.valid()).as(field).isFalse();
                assertThat(verification.firstBrokenSequence()).as(field).isEqualTo(sequence(original));
            } finally {
                replace(original);
            }
            assertThat(verifyFully().valid()).isTrue();
        }
    }

    @Test
    void givenTheNewestRecordsDeleted_whenVerified_thenTheTruncationIsReportedFromTheFirstMissingSequence() {
        List<Document> chainFromRun = storeARunAndReadTheChainFromItsFirstRecord();
        List<Document> newest = chainFromRun.subList(chainFromRun.size() - 2, chainFromRun.size());
        try {
            Mono.from(collection().deleteMany(new Document("sequence", new Document("$gte", sequence(newest.get(0))))))
                    .block();

            ChainVerification verification = verify();

            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstBrokenSequence()).isEqualTo(sequence(newest.get(0)));
            assertThat(verification.reason()).isEqualTo("sequence " + sequence(newest.get(0)) + " to "
                    + sequence(newest.get(1)) + " are missing (the newest stored record is " + (sequence(newest.get(0)) - 1)
                    + ", the signed anchor names " + sequence(newest.get(1)) + ")");
            assertThat(verifyFully()).isEqualTo(verification);
        } finally {
            Mono.from(collection().insertMany(newest)).block();
        }
        assertThat(verifyFully().valid()).isTrue();
    }

    @Test
    void givenTheOldestRecordsDeletedWithoutRetention_whenVerified_thenTheMissingPrefixIsReported() {
        storeARunAndReadTheChainFromItsFirstRecord();
        List<Document> oldest = Flux.from(collection().find(new Document("sequence", new Document("$exists", true)))
                .sort(new Document("sequence", 1)).limit(3)).collectList().block();
        long tail = anchors.current().orElseThrow().tailSequence();
        try {
            Mono.from(collection().deleteMany(new Document("sequence", new Document("$lte", sequence(oldest.get(2))))))
                    .block();

            ChainVerification verification = verify();

            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstBrokenSequence()).isEqualTo(tail);
            assertThat(verification.reason()).isEqualTo("records before sequence " + (sequence(oldest.get(2)) + 1)
                    + " are missing (the signed anchor starts the chain at " + tail + ")");
        } finally {
            Mono.from(collection().insertMany(oldest)).block();
        }
        assertThat(verifyFully().valid()).isTrue();
    }

    @Test
    void givenRetentionExpiredTheOldestRecords_whenVerified_thenTheChainIsIntactFromTheMovedAnchor_andAFurtherDeletionIsFound() {
        // two runs, the second stored after the first: a poll may store a whole run at one receivedAt
        List<Document> firstRun = storeARunAndReadTheChainFromItsFirstRecord();
        List<Document> secondRun = storeARunAndReadTheChainFromItsFirstRecord();
        Document lastExpired = firstRun.get(firstRun.size() - 1);

        retention.expireReceivedBefore(lastExpired.getDate("receivedAt").toInstant().plusMillis(1));

        ChainVerification afterRetention = verifyFully();
        assertThat(afterRetention.valid()).as(afterRetention.toString()).isTrue();
        assertThat(afterRetention.anchorSequence()).isEqualTo(sequence(lastExpired) + 1);
        assertThat(afterRetention.anchorHash()).isEqualTo(lastExpired.getString("hash"));
        assertThat(anchors.current().orElseThrow().tailSequence()).isEqualTo(sequence(lastExpired) + 1);

        Document oldest = secondRun.get(0);
        try {
            Mono.from(collection().deleteOne(new Document("_id", oldest.getString("_id")))).block();

            ChainVerification verification = verify();

            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstBrokenSequence()).isEqualTo(sequence(oldest));
        } finally {
            Mono.from(collection().insertOne(oldest)).block();
        }
        assertThat(verifyFully().valid()).isTrue();
    }

    @Test
    void givenRetentionExpiredTheOldestRecordsAfterAVerification_whenVerifiedIncrementally_thenItCountsFromTheMovedAnchor() {
        List<Document> firstRun = storeARunAndReadTheChainFromItsFirstRecord();
        storeARunAndReadTheChainFromItsFirstRecord();
        Document lastExpired = firstRun.get(firstRun.size() - 1);

        retention.expireReceivedBefore(lastExpired.getDate("receivedAt").toInstant().plusMillis(1));
        ChainVerification incremental = verify();

        assertThat(incremental.valid()).as(incremental.toString()).isTrue();
        assertThat(incremental.anchorSequence()).isEqualTo(sequence(lastExpired) + 1);
        assertThat(incremental.anchorHash()).isEqualTo(lastExpired.getString("hash"));
        assertThat(incremental.checked()).isEqualTo(verifyFully().checked());
    }

    @Test
    void givenAServiceRestart_whenTheAnchorIsRecoveredFromItsTopic_thenItIsTheNewestSignedOne_andAForgedOneIsIgnored() {
        storeARunAndReadTheChainFromItsFirstRecord();
        Anchor live = anchors.current().orElseThrow();
        Anchor forged = new Anchor(live.headSequence() + 1000, "f".repeat(64), live.tailSequence(),
                live.tailPreviousHash(), live.issuedAtMillis() + 1, "0".repeat(64));
        kafka.send(properties.anchorTopic(), AnchorLedger.KEY,
                io.reconcraft.events.EventCodec.mapper().writeValueAsBytes(forged)).join();

        await().atMost(WAIT).untilAsserted(() -> {
            AnchorLedger restarted = new AnchorLedger(kafka, admin, new RecordHash(properties), properties);
            assertThat(restarted.recover()).contains(live);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenAConfigKeyBsonRefuses_whenTheEventIsStored_thenItIsKeptWithItsKeysEscapedAndTheChainVerifies() {
        String runId = newRunId();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("fla\u0000gs", "-sT");
        config.put("$where", "1");
        config.put("a.b", "c");
        config.put("50%", "half");
        WorkflowNode node = new WorkflowNode("scan", "nmap", "Scan", "recon", config, null);
        EventEnvelope event = EventEnvelope.of(runId, new RunRequested(new WorkflowSnapshot("wf", "Recon",
                List.of(node), List.of()), List.of("127.0.0.1"), RunMode.DEMO, new AuthorizedScope(List.of("127.0.0.1")),
                "alice"));

        producer().publish(event);

        await().atMost(WAIT).until(() -> count(runId) == 1);
        Map<String, Object> stored = records(runId).get(0);
        Map<String, Object> storedConfig = (Map<String, Object>) ((List<Map<String, Object>>) ((Map<String, Object>)
                ((Map<String, Object>) stored.get("payload")).get("workflow")).get("nodes")).get(0).get("config");
        assertThat(storedConfig).containsOnlyKeys("fla%00gs", "%24where", "a%2Eb", "50%25");
        assertThat(verifyFully().valid()).isTrue();
    }

    @Test
    void givenNoServiceCredential_whenTheAuditIsRead_thenItIsRefused() {
        var anonymous = http.mutate().defaultHeaders(headers -> headers.remove("X-Reconcraft-Service-Token")).build();

        anonymous.get().uri("/audit/events").exchange().expectStatus().isUnauthorized();
        anonymous.get().uri("/audit/verify").exchange().expectStatus().isUnauthorized();
        anonymous.get().uri("/audit/events").header("X-Reconcraft-Service-Token", "guessed-token-000000")
                .exchange().expectStatus().isUnauthorized();
        anonymous.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    /** A new run's five records and every record after them, in sequence order; verified intact first. */
    private List<Document> storeARunAndReadTheChainFromItsFirstRecord() {
        String runId = newRunId();
        List<EventEnvelope> events = new ArrayList<>();
        for (int attempt = 1; attempt <= 5; attempt++) {
            events.add(EventEnvelope.of(runId, new StepStarted(runId + ":nmap", "nmap", attempt, "tool-runner-1")));
        }
        events.forEach(producer()::publish);
        await().atMost(WAIT).until(() -> count(runId) == events.size());
        await().atMost(WAIT).until(() -> verifyFully().valid());
        long first = Flux.from(collection().find(new Document("runId", runId))).map(AuditTamperingIntegrationTest::sequence)
                .reduce(Math::min).block();
        return Flux.from(collection().find(new Document("sequence", new Document("$gte", first)))
                .sort(new Document("sequence", 1))).collectList().block();
    }

    /** What an attacker can compute from the database and the source: a hash, but not the keyed one. */
    private static String unkeyedHash(Document record) {
        Map<String, Object> hashed = new LinkedHashMap<>(record);
        hashed.remove("hash");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(CanonicalJson.of(hashed).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long sequence(Document record) {
        return ((Number) record.get("sequence")).longValue();
    }

    private void replace(Document record) {
        Mono.from(collection().replaceOne(new Document("_id", record.getString("_id")), record)).block();
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(AuditStore.COLLECTION).block();
    }
}
