package io.reconcraft.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** A listener with a commit interval: one commit per interval instead of one per poll, and nothing handled lost. */
@TestPropertySource(properties = {
        "spring.kafka.consumer.group-id=" + CommitIntervalTest.GROUP,
        "reconcraft.messaging.dev-mode=true",
        "reconcraft.kafka.await-commits=false",
        "reconcraft.kafka.commit-interval=PT1H"})
class CommitIntervalTest extends EmbeddedBrokerTest {

    static final String GROUP = "commit-interval-test";

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void givenAnInterval_whenTheServiceStarts_thenItsListenersCommitOncePerIntervalWithoutWaiting() {
        assertThat(listeners.getListenerContainers()).isNotEmpty().allSatisfy(container -> {
            ContainerProperties settings = container.getContainerProperties();
            assertThat(settings.getAckMode()).isEqualTo(AckMode.TIME);
            assertThat(settings.getAckTime()).isEqualTo(Duration.ofHours(1).toMillis());
            assertThat(settings.isSyncCommits()).isFalse();
        });
    }

    @Test
    void givenAnIntervalShorterThanThePollTimeout_whenAListenerIsIdle_thenItsPollReturnsWithinTheInterval() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MessagingAutoConfiguration.class, KafkaAutoConfiguration.class))
                .withPropertyValues("reconcraft.kafka.create-topics=false", "reconcraft.messaging.dev-mode=true",
                        "reconcraft.kafka.commit-interval=200ms")
                .run(started -> {
                    ConcurrentMessageListenerContainer<Object, Object> container = customizedContainer(started);
                    assertThat(container.getContainerProperties().getAckTime()).isEqualTo(200);
                    // else the last records before a quiet spell would wait out a whole poll for their commit
                    assertThat(container.getContainerProperties().getPollTimeout()).isEqualTo(200);
                });
    }

    @Test
    void givenANonPositiveInterval_whenTheServiceStarts_thenItRefusesToStart() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MessagingAutoConfiguration.class, KafkaAutoConfiguration.class))
                .withPropertyValues("reconcraft.kafka.create-topics=false", "reconcraft.messaging.dev-mode=true",
                        "reconcraft.kafka.commit-interval=0s")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .hasStackTraceContaining("reconcraft.kafka.commit-interval must be positive"));
    }

    @Test
    @DirtiesContext
    void givenEventsHandledWithinTheInterval_whenTheListenerStops_thenTheirOffsetsAreCommitted() throws Exception {
        List<EventEnvelope> sent = IntStream.range(0, 3).mapToObj(i -> publisher.publish("run-" + i,
                new StepStarted("run-" + i + ":scan", "scan", 1, "runner-a"))).toList();
        await().atMost(Duration.ofSeconds(30)).until(() -> sent.stream().allMatch(event -> received.events.stream()
                .anyMatch(seen -> seen.eventId().equals(event.eventId()))));

        listeners.stop();

        TopicPartition partition = new TopicPartition(Topics.RUN_EVENTS, 0);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            // an hour's interval has not passed: only the stop committed them, and a restart resumes after them
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            assertThat(committed.get(partition)).isNotNull();
            assertThat(committed.get(partition).offset()).isEqualTo(received.events.size());
        }
    }
}
