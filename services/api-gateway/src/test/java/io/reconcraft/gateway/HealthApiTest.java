package io.reconcraft.gateway;

import static org.awaitility.Awaitility.await;

import io.reconcraft.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** {@code GET /api/health} is healthy only while a run could make progress: every step topic has its worker. */
@TestPropertySource(properties = "reconcraft.gateway.health.refresh-interval=200ms")
class HealthApiTest extends GatewayTestSupport {

    private final List<StepConsumer> consumers = new ArrayList<>();

    @AfterEach
    void stopConsumers() {
        consumers.forEach(StepConsumer::close);
    }

    @Test
    void givenAConsumerGroupWorkingEveryStepTopic_whenHealthIsAskedWithoutCredentials_thenHealthy() {
        consumers.add(StepConsumer.start("tool-runner", Topics.TOOL_STEP_REQUESTS));
        consumers.add(StepConsumer.start("notifier", Topics.NOTIFIER_STEP_REQUESTS));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                http.get().uri("/api/health").exchange().expectStatus().isOk()
                        .expectBody().jsonPath("$.status").isEqualTo("healthy")
                        .jsonPath("$.database").isEqualTo("connected")
                        .jsonPath("$.kafka").isEqualTo("connected")
                        .jsonPath("$.timestamp").exists()
                        .jsonPath("$.components['" + Topics.TOOL_STEP_REQUESTS + "'].status").isEqualTo("ok")
                        .jsonPath("$.components['" + Topics.TOOL_STEP_REQUESTS + "'].group").isEqualTo("tool-runner")
                        .jsonPath("$.components['" + Topics.NOTIFIER_STEP_REQUESTS + "'].status").isEqualTo("ok"));
    }

    @Test
    void givenNoToolRunnerConsumesItsStepTopic_whenHealthIsAsked_then503NamingThatTopic() {
        consumers.add(StepConsumer.start("notifier", Topics.NOTIFIER_STEP_REQUESTS));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                http.get().uri("/api/health").exchange().expectStatus().isEqualTo(503)
                        .expectBody().jsonPath("$.status").isEqualTo("unhealthy")
                        .jsonPath("$.database").isEqualTo("connected")
                        .jsonPath("$.kafka").isEqualTo("connected")
                        .jsonPath("$.components['" + Topics.TOOL_STEP_REQUESTS + "'].status").isEqualTo("no-consumer")
                        .jsonPath("$.components['" + Topics.TOOL_STEP_REQUESTS + "'].members").isEqualTo(0)
                        .jsonPath("$.components['" + Topics.NOTIFIER_STEP_REQUESTS + "'].status").isEqualTo("ok"));
    }

    /** A member of {@code group} polling {@code topic} on its own thread, as a service's listener would. */
    private static final class StepConsumer implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        private StepConsumer(String group, String topic) {
            thread = new Thread(() -> {
                try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBrokersAsString(),
                        ConsumerConfig.GROUP_ID_CONFIG, group,
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
                    consumer.subscribe(List.of(topic));
                    while (running.get()) {
                        consumer.poll(Duration.ofMillis(100));
                    }
                }
            }, "test-consumer-" + group);
            thread.start();
        }

        static StepConsumer start(String group, String topic) {
            return new StepConsumer(group, topic);
        }

        @Override
        public void close() {
            running.set(false);
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
