package io.reconcraft.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real in-process Kafka broker (KRaft) and a real MongoDB-wire server on loopback, started once per
 * test JVM and shared by the integration tests of a module: {@code @DynamicPropertySource} calls
 * {@link #register}.
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

    /** The same settings as {@link #register}, for an application started by hand (for example a restarted one). */
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

    public static synchronized String bootstrapServers() {
        start();
        return kafka.getBrokersAsString();
    }

    public static synchronized String mongoUri() {
        start();
        return mongoUri;
    }
}
