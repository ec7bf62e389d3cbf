package io.reconcraft.orchestrator.inbound;

import static io.reconcraft.orchestrator.support.Runs.newRunId;
import static io.reconcraft.orchestrator.support.Workflows.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.event.CommandListener;
import org.bson.BsonDocument;
import com.mongodb.event.CommandStartedEvent;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.RunRequested;
import io.reconcraft.events.Topics;
import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunTrigger;
import io.reconcraft.events.model.WorkflowSnapshot;
import io.reconcraft.orchestrator.store.RunDocument;
import io.reconcraft.orchestrator.store.RunStore;
import io.reconcraft.testing.RealInfrastructure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A poll of run requests is taken in with one insert, whatever its size, so a backlog waits in the admission
 * queue (fair per submitter) rather than in the topic. (The listener is called directly; Kafka's own listeners
 * are not started, and with one run allowed at a time the rest of the poll stays queued.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.kafka.listener.auto-startup=false",
        "reconcraft.orchestrator.max-active-runs=1",
        "spring.mongodb.database=run-request-batch"})
@DirtiesContext
class RunRequestBatchTest {

    private static final WorkflowSnapshot SCAN = workflow().node("start", "start").node("nmap", "nmap")
            .edge("start", "nmap").build();
    private static final AtomicInteger RUN_INSERTS = new AtomicInteger();
    private static final AtomicInteger RUN_LOOKUPS_BY_IDS = new AtomicInteger();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry);
    }

    @TestConfiguration
    static class CountInserts {
        @Bean
        MongoClientSettingsBuilderCustomizer countRunInserts() {
            return settings -> settings.addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (event.getCommandName().equals("insert")
                            && event.getCommand().getString("insert").getValue().equals(RunDocument.COLLECTION)) {
                        RUN_INSERTS.incrementAndGet();
                    }
                    if (event.getCommandName().equals("find")
                            && event.getCommand().getString("find").getValue().equals(RunDocument.COLLECTION)
                            && event.getCommand().getDocument("filter", new BsonDocument()).isDocument("_id")) {
                        RUN_LOOKUPS_BY_IDS.incrementAndGet(); // {_id: {$in: [...]}}: which of these runs exist
                    }
                }
            });
        }
    }

    @Autowired
    RunRequestListener listener;

    @Autowired
    RunStore store;

    @Test
    void givenAPollOfTwentyRunRequests_whenTakenIn_thenAllAreStoredWithOneInsert() {
        List<String> runIds = newRunIds(20);
        int insertsBefore = RUN_INSERTS.get();

        listener.on(poll(runIds));

        assertThat(RUN_INSERTS.get() - insertsBefore).isEqualTo(1);
        assertThat(runIds).allMatch(id -> store.find(id).isPresent());
    }

    @Test
    void givenAPollOfNewRunRequests_whenTakenIn_thenTheInsertIsTheOnlyRoundTripBeforeAdmission() {
        List<String> runIds = newRunIds(10);
        int lookupsBefore = RUN_LOOKUPS_BY_IDS.get();

        listener.on(poll(runIds));

        assertThat(RUN_LOOKUPS_BY_IDS.get() - lookupsBefore).isZero();
        assertThat(runIds).allMatch(id -> store.find(id).isPresent());
    }

    @Test
    void givenAPollRedeliveringStoredRuns_whenTakenIn_thenOnlyTheNewOnesAreInsertedAndTheStoredOnesAreNotRewritten() {
        List<String> stored = newRunIds(5);
        listener.on(poll(stored));
        List<Instant> acceptedAt = stored.stream().map(id -> store.find(id).orElseThrow().createdAt()).toList();
        List<String> fresh = newRunIds(5);
        List<String> both = new ArrayList<>(stored);
        both.addAll(fresh);
        int insertsBefore = RUN_INSERTS.get();

        listener.on(poll(both));

        assertThat(RUN_INSERTS.get() - insertsBefore).isEqualTo(1);
        assertThat(fresh).allMatch(id -> store.find(id).isPresent());
        // a stored run is not written again: it keeps the moment it was first accepted
        assertThat(stored.stream().map(id -> store.find(id).orElseThrow().createdAt()).toList()).isEqualTo(acceptedAt);
    }

    private static List<String> newRunIds(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(newRunId());
        }
        return ids;
    }

    private static List<ConsumerRecord<String, EventEnvelope>> poll(List<String> runIds) {
        List<ConsumerRecord<String, EventEnvelope>> records = new ArrayList<>();
        for (int i = 0; i < runIds.size(); i++) {
            RunRequested request = new RunRequested(SCAN, List.of("127.0.0.1"), RunMode.DEMO,
                    new AuthorizedScope(List.of("127.0.0.0/8")), "key-batch", RunTrigger.api());
            records.add(new ConsumerRecord<>(Topics.RUN_REQUESTS, 0, i, runIds.get(i),
                    EventEnvelope.of(runIds.get(i), request)));
        }
        return records;
    }
}
