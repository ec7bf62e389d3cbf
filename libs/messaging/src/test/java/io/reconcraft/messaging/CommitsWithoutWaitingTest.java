package io.reconcraft.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = {
        "spring.kafka.consumer.group-id=" + CommitsWithoutWaitingTest.GROUP,
        "reconcraft.messaging.dev-mode=true",
        "reconcraft.kafka.await-commits=false"})
class CommitsWithoutWaitingTest extends EmbeddedBrokerTest {

    static final String GROUP = "commits-without-waiting-test";

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void givenNoSetting_whenAServiceStarts_thenItsListenersWaitForACommitAfterEveryPoll() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MessagingAutoConfiguration.class, KafkaAutoConfiguration.class))
                .withPropertyValues("reconcraft.kafka.create-topics=false", "reconcraft.messaging.dev-mode=true")
                .run(started -> {
                    ConcurrentMessageListenerContainer<Object, Object> container = customizedContainer(started);
                    assertThat(container.getContainerProperties().isSyncCommits()).isTrue();
                    assertThat(container.getContainerProperties().getAckMode()).isEqualTo(AckMode.BATCH);
                });
    }

    @Test
    void givenCommitsNotAwaited_whenTheServiceStarts_thenItsListenersPollAgainWithoutWaitingForThem() {
        assertThat(listeners.getListenerContainers()).isNotEmpty()
                .allSatisfy(container -> assertThat(syncCommits(container)).isFalse());
    }

    @Test
    void givenCommitsNotAwaited_whenAnEventIsHandled_thenItsOffsetIsStillCommitted() throws Exception {
        EventEnvelope event = publisher.publish("run-1", new StepStarted("run-1:scan", "scan", 1, "runner-a"));
        await().atMost(Duration.ofSeconds(30)).until(() -> received.events.stream()
                .anyMatch(seen -> seen.eventId().equals(event.eventId())));

        TopicPartition partition = new TopicPartition(Topics.RUN_EVENTS, 0);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            // a restarted service resumes after the event instead of handling it again
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                assertThat(committed.get(partition)).isNotNull();
                assertThat(committed.get(partition).offset()).isEqualTo(received.events.size());
            });
        }
    }

    private static boolean syncCommits(MessageListenerContainer container) {
        return container.getContainerProperties().isSyncCommits();
    }
}
