package io.reconcraft.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.audit.ingest.AuditRecords;
import io.reconcraft.audit.store.AuditStore;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.Topics;
import io.reconcraft.testing.CommandCounts;
import io.reconcraft.testing.RealInfrastructure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What appending a batch to the chain costs in MongoDB round trips, and that a batch holding an event stored before
 * still links each new record to the one before it. (The chain is called directly, in a database of its own; Kafka's listeners are
 * not started.)
 */
@SpringBootTest(properties = {"spring.kafka.listener.auto-startup=false",
        "reconcraft.audit.chain-key=test-chain-key-round-trips",
        "reconcraft.audit.api-token=test-gateway-service-credential"})
class AuditChainRoundTripsTest {

    private static final CommandCounts COMMANDS = new CommandCounts(Set.of(AuditStore.COLLECTION));

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry);
        registry.add("spring.mongodb.uri", () -> RealInfrastructure.mongoUri() + "/audit-chain-round-trips");
    }

    @TestConfiguration
    static class CountCommands {
        @Bean
        MongoClientSettingsBuilderCustomizer countCommands() {
            return settings -> settings.addCommandListener(COMMANDS);
        }
    }

    @Autowired
    AuditChain chain;

    @Autowired
    AuditRecords records;

    @Autowired
    ReactiveMongoTemplate mongo;

    private long offset;

    @BeforeEach
    void loaded() {
        chain.ensureLoaded();
    }

    @Test
    void givenABatchOfNewEvents_whenAppended_thenItCostsOneInsertAndNoRead() {
        List<Document> batch = List.of(record(), record(), record(), record());

        AuditChain.Appended[] appended = new AuditChain.Appended[1];

        Map<String, Integer> commands = COMMANDS.during(() -> appended[0] = chain.append(batch));

        assertThat(appended[0]).isEqualTo(new AuditChain.Appended(4, 0));
        assertThat(commands).isEqualTo(Map.of("insert audit_events", 1));
    }

    @Test
    void givenABatchWithAnEventStoredBefore_whenAppended_thenTheOthersAreStoredOnceAndTheChainStaysUnbroken() {
        Document storedBefore = record();
        chain.append(List.of(storedBefore));
        Document first = record();
        Document last = record();

        AuditChain.Appended appended = chain.append(List.of(first, new Document(storedBefore), last));

        assertThat(appended).isEqualTo(new AuditChain.Appended(2, 1));
        assertLinked(stored(storedBefore), stored(first));
        assertLinked(stored(first), stored(last));
    }

    private static void assertLinked(Document previous, Document next) {
        assertThat(((Number) next.get("sequence")).longValue()).isEqualTo(((Number) previous.get("sequence")).longValue() + 1);
        assertThat(next.getString("previousHash")).isEqualTo(previous.getString(RecordHash.HASH));
    }

    private Document record() {
        String runId = UUID.randomUUID().toString();
        EventEnvelope event = EventEnvelope.of(runId, new StepStarted(runId + ":nmap", "nmap", 1, "tool-runner-1"));
        return records.of(event, Topics.RUN_EVENTS, 0, offset++, Instant.now());
    }

    private Document stored(Document record) {
        Document stored = mongo.findOne(Query.query(Criteria.where("_id").is(record.getString("_id"))), Document.class,
                AuditStore.COLLECTION).block();
        assertThat(stored).as("stored record of %s", record.getString("_id")).isNotNull();
        return stored;
    }
}
