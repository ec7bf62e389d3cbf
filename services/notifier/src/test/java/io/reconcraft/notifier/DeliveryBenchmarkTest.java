package io.reconcraft.notifier;

import io.reconcraft.testing.EventTap;

import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.NotificationRequested;
import io.reconcraft.events.NotificationSent;
import io.reconcraft.events.Topics;
import io.reconcraft.messaging.EventPublisher;
import io.reconcraft.notifier.delivery.DeliveryProperties;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Webhook delivery throughput against mockwebserver: notifications requested on Kafka until each is
 * reported sent. Figures are printed, not asserted. Excluded from the default build; see BENCHMARK.md.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"reconcraft.webhooks.allow-loopback=true", "reconcraft.notifier.worker-id=notifier-bench"})
class DeliveryBenchmarkTest {

    private static final int NOTIFICATIONS = 500;
    private static EmbeddedKafkaKraftBroker kafka;
    private static MongoServer mongo;

    /** Started on first use, so that discovering this class in a normal build starts nothing. */
    private static synchronized void startInfrastructure() {
        if (kafka == null) {
            kafka = new EmbeddedKafkaKraftBroker(1, 1);
            kafka.afterPropertiesSet();
            mongo = new MongoServer(new MemoryBackend());
            mongo.bind("127.0.0.1", 0);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                mongo.shutdownNow();
                kafka.destroy();
            }));
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        startInfrastructure();
        registry.add("spring.kafka.bootstrap-servers", kafka::getBrokersAsString);
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort());
    }

    @Autowired
    private EventPublisher publisher;

    @Autowired
    private DeliveryProperties delivery;

    @Test
    void measureDeliveryThroughput() throws Exception {
        try (MockWebServer webhook = new MockWebServer();
             EventTap events = new EventTap(kafka.getBrokersAsString(), List.of(Topics.NOTIFICATION_EVENTS))) {
            webhook.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse.Builder().code(200).body("ok").build();
                }
            });
            webhook.start(InetAddress.getByName("127.0.0.1"), 0);
            String url = webhook.url("/services/T000/B000/bench").toString();
            deliver(publisher, events, url, 20, "warm-up");

            long start = System.nanoTime();
            long produced = deliver(publisher, events, url, NOTIFICATIONS, "measured");
            long done = System.nanoTime();

            System.out.printf(Locale.ROOT, "%nNOTIFIER BENCHMARK: %d notifications, %d delivery threads, webhook answers 200 at once%n",
                    NOTIFICATIONS, delivery.threads());
            System.out.printf(Locale.ROOT, "  requests produced : %8.0f /s (%d ms until every ack)%n",
                    NOTIFICATIONS / ((produced - start) / 1e9), (produced - start) / 1_000_000);
            System.out.printf(Locale.ROOT, "  delivered         : %8.0f /s (%d ms from first request until the last NotificationSent)%n",
                    NOTIFICATIONS / ((done - start) / 1e9), (done - start) / 1_000_000);
            System.out.printf(Locale.ROOT, "  webhook requests  : %d%n%n", webhook.getRequestCount());
        }
    }

    /** Publishes {@code count} requests of one run, waits for them all to be reported sent; answers when the last ack came. */
    private static long deliver(EventPublisher publisher, EventTap events, String url, int count, String label) {
        String runId = label + "-" + UUID.randomUUID();
        List<CompletableFuture<EventEnvelope>> acks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            acks.add(publisher.publishAsync(EventEnvelope.of(runId,
                    new NotificationRequested(runId + "-" + i, i % 2 == 0 ? "slack" : "discord", url, "Run " + i + " finished", "bench"))));
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
        long produced = System.nanoTime();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20)).until(() -> events.eventsOf(runId).stream()
                .filter(e -> e.payload() instanceof NotificationSent).count() == count);
        return produced;
    }
}
