package io.reconcraft.toolrunner;

import io.reconcraft.events.model.StepOutcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reconcraft.events.EventCodec;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.EventSignature;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.Topics;
import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.messaging.AuthorizedTargetsView;
import io.reconcraft.messaging.EventPublisher;
import io.reconcraft.testing.EventTap;
import io.reconcraft.testing.RealInfrastructure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 11, item 1, end to end on the real broker: someone who can reach Kafka produces StepRequested events
 * with plain Kafka clients — unsigned, signed with a made-up key, and (with the services' key) claiming a scope
 * of 0.0.0.0/0 for a target the gateway never authorized. None of them runs: the first two are dead-lettered
 * unread, the third fails out of scope; the container engine is never asked to create a container and a
 * listener on the loopback target sees no connection.
 */
@DirtiesContext
@SpringBootTest(properties = "reconcraft.toolrunner.worker-id=forgery-runner")
class ForgedStepRequestTest {

    private static final RecordingEngine ENGINE = startEngine();
    private static EventTap tap;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry);
        registry.add("reconcraft.toolrunner.docker-host", ENGINE::dockerHost);
    }

    @Autowired
    private EventPublisher publisher;
    @Autowired
    private AuthorizedTargetsView allowList;

    private ServerSocketChannel listener;
    private final String runId = "run-" + UUID.randomUUID();

    @BeforeEach
    void openListenerAndTap() throws IOException {
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        listener.configureBlocking(false);
        if (tap == null) {
            tap = new EventTap(RealInfrastructure.bootstrapServers(),
                    List.of(Topics.RUN_EVENTS, Topics.deadLetterOf(Topics.TOOL_STEP_REQUESTS)));
        }
        AllowList.authorize(publisher, allowList, "10.0.0.0/24");
    }

    @AfterEach
    void closeListener() throws IOException {
        listener.close();
    }

    @AfterAll
    static void close() throws IOException {
        if (tap != null) {
            tap.close();
        }
        ENGINE.close();
    }

    @Test
    void givenForgedStepRequestsOnTheBus_whenTheRunnerReadsThem_thenNoneRunsNoContainerStartsAndNothingIsSent()
            throws IOException {
        StepRequested unsigned = liveNmap("nmap-unsigned", "0.0.0.0/0");
        StepRequested wronglySigned = liveNmap("nmap-wrong-key", "0.0.0.0/0");
        StepRequested outsideAllowList = liveNmap("nmap-everything", "0.0.0.0/0");

        EventEnvelope unsignedEvent = EventEnvelope.of(runId, unsigned);
        tap.publishRaw(Topics.TOOL_STEP_REQUESTS, runId, EventCodec.write(unsignedEvent));
        EventEnvelope wronglySignedEvent = EventEnvelope.of(runId, wronglySigned);
        byte[] value = EventCodec.write(wronglySignedEvent);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TOOL_STEP_REQUESTS, runId, value);
        record.headers().add(EventSignature.HEADER, EventSignature.of("a-key-the-attacker-made-up-0123456789")
                .sign(Topics.TOOL_STEP_REQUESTS, value));
        tap.publishRaw(record);
        RecordMetadata last = tap.publish(EventEnvelope.of(runId, outsideAllowList));

        StepCompleted refused = await().atMost(Duration.ofSeconds(60)).until(
                () -> tap.payloadsOf(runId, StepCompleted.class), done -> !done.isEmpty()).get(0);
        await().atMost(Duration.ofSeconds(60)).until(() -> tap.processed("tool-runner", last));
        assertThat(refused.stepId()).isEqualTo(outsideAllowList.stepId());
        assertThat(refused.status()).isEqualTo(RunStatus.FAILED);
        assertThat(refused.outcome()).isEqualTo(StepOutcome.OUT_OF_SCOPE);
        assertThat(refused.error()).isEqualTo("out of scope: 127.0.0.1");
        assertThat(tap.payloadsOf(runId, StepStarted.class)).extracting(StepStarted::stepId)
                .containsExactly(outsideAllowList.stepId());
        assertThat(tap.payloadsOf(runId, StepCompleted.class)).hasSize(1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(tap.drain())
                .filteredOn(seen -> seen.topic().equals(Topics.deadLetterOf(Topics.TOOL_STEP_REQUESTS)))
                .extracting(seen -> seen.event().eventId())
                .contains(unsignedEvent.eventId(), wronglySignedEvent.eventId()));
        assertThat(ENGINE.sawContainerCreated()).as("requests the engine saw: %s", ENGINE.requests()).isFalse();
        assertThat(listener.accept()).as("a connection reached the loopback listener").isNull();
    }

    private StepRequested liveNmap(String nodeId, String claimedScope) {
        int port = listener.socket().getLocalPort();
        return new StepRequested(runId + ":" + nodeId, nodeId, "nmap", nodeId,
                Map.of("profile", "custom", "flags", "-p " + port), List.of("127.0.0.1"), RunMode.LIVE,
                new AuthorizedScope(List.of(claimedScope)), 1, 120, List.of());
    }

    private static RecordingEngine startEngine() {
        try {
            return new RecordingEngine();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
