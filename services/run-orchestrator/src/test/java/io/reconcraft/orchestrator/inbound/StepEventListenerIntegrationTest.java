package io.reconcraft.orchestrator.inbound;

import static io.reconcraft.orchestrator.support.Runs.GROUP;
import static io.reconcraft.orchestrator.support.Runs.WAIT;
import static io.reconcraft.orchestrator.support.Runs.awaitRequest;
import static io.reconcraft.orchestrator.support.Runs.awaitRunCompleted;
import static io.reconcraft.orchestrator.support.Runs.newRunId;
import static io.reconcraft.orchestrator.support.Runs.request;
import static io.reconcraft.orchestrator.support.Runs.succeeded;
import static io.reconcraft.orchestrator.support.Workflows.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.StepLog;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.Topics;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.orchestrator.support.OrchestratorSpringTest;
import io.reconcraft.orchestrator.support.RealBrokerTest;
import io.reconcraft.testing.RealInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** The run-events topic as the orchestrator reads it: a poll at a time, passing over what is not a step result. */
@OrchestratorSpringTest
class StepEventListenerIntegrationTest extends RealBrokerTest {

    @Test
    void givenAnUnreadableRecordAheadOfAStepResult_whenConsumed_thenItIsDeadLetteredAndTheRunStillSucceeds() {
        String runId = newRunId();
        tap.publish(runId, request(workflow().node("start", "start").node("nmap", "nmap").edge("start", "nmap").build()));
        StepRequested nmap = awaitRequest(tap, runId, "nmap", 1);

        byte[] garbage = ("{not an event of " + runId).getBytes(StandardCharsets.UTF_8);
        tap.publishRaw(Topics.RUN_EVENTS, runId, garbage);
        tap.publish(runId, succeeded(nmap, Map.of()));

        RunCompleted done = awaitRunCompleted(tap, runId, 1);
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        await().atMost(WAIT).untilAsserted(() -> assertThat(deadLetters()).anySatisfy(record ->
                assertThat(record.value()).isEqualTo(garbage)));
    }

    @Test
    void givenEventsThatAreNotStepResults_whenConsumed_thenTheyAreCommittedAndChangeNothing() {
        String runId = newRunId();
        tap.publish(runId, request(workflow().node("start", "start").node("nmap", "nmap").edge("start", "nmap").build()));
        StepRequested nmap = awaitRequest(tap, runId, "nmap", 1);

        RecordMetadata log = tap.publish(runId, new StepLog(nmap.stepId(), "nmap", 1, List.of("scanning 127.0.0.1")));

        await().atMost(WAIT).until(() -> tap.processed(GROUP, log));
        assertThat(tap.eventsOf(runId).stream().map(EventEnvelope::payload)
                .filter(p -> p instanceof StepRequested || p instanceof RunCompleted)).hasSize(1);
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters() {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetterOf(Topics.RUN_EVENTS)));
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
