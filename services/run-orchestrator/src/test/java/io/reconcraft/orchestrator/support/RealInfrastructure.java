package io.reconcraft.orchestrator.support;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real in-process Kafka broker (KRaft) and a real MongoDB-wire server on loopback, started once per
 * test JVM and shared by the integration tests of this module.
 */
public final class RealInfrastructure {

    private static EmbeddedKafkaKraftBroker kafka;
    private static MongoServer mongo;
    private static String mongoUri;

    private RealInfrastructure() {
    }

    public static synchronized void register(DynamicPropertyRegistry registry) {
        start();
        registry.add("spring.kafka.bootstrap-servers", kafka::getBrokersAsString);
        registry.add("spring.mongodb.uri", () -> mongoUri);
    }

    /** The properties that point a Spring application at this infrastructure. */
    public static synchronized java.util.Map<String, Object> properties() {
        start();
        return java.util.Map.of("spring.kafka.bootstrap-servers", kafka.getBrokersAsString(),
                "spring.mongodb.uri", mongoUri);
    }

    private static void start() {
        if (kafka == null) {
            kafka = new EmbeddedKafkaKraftBroker(1, 1);
            kafka.afterPropertiesSet();
            mongo = new MongoServer(new MemoryBackend());
            mongo.bind("127.0.0.1", 0);
            InetSocketAddress address = mongo.getLocalAddress();
            mongoUri = "mongodb://127.0.0.1:" + address.getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                mongo.shutdownNow();
                kafka.destroy();
            }));
        }
    }

    public static String bootstrapServers() {
        return kafka.getBrokersAsString();
    }
}
