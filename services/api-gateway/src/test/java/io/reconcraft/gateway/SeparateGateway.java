package io.reconcraft.gateway;

import java.net.InetSocketAddress;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A gateway application of its own in the test JVM, on the shared test broker and MongoDB-wire server, with its own
 * database and its Kafka listeners off (they would take partitions from the shared test context's group).
 */
final class SeparateGateway {

    private SeparateGateway() {
    }

    static ConfigurableApplicationContext start(String database, String... extraArguments) {
        InetSocketAddress mongo = GatewayTestSupport.MONGO.getLocalAddress();
        String[] base = {
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + GatewayTestSupport.KAFKA.getBrokersAsString(),
                "--spring.kafka.listener.auto-startup=false",
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + mongo.getPort(),
                "--spring.mongodb.database=" + database,
                "--reconcraft.gateway.admin-api-key=" + GatewayTestSupport.ADMIN_KEY,
                "--reconcraft.gateway.jwt.secret=a-test-secret-that-is-long-enough-for-hs256!",
                "--reconcraft.kafka.partitions=2",
                "--reconcraft.messaging.signing-key=" + GatewayTestSupport.SIGNING_KEY};
        String[] arguments = new String[base.length + extraArguments.length];
        System.arraycopy(base, 0, arguments, 0, base.length);
        System.arraycopy(extraArguments, 0, arguments, base.length, extraArguments.length);
        // As command-line arguments: they must win over application.yml, like the test context's dynamic properties.
        return new SpringApplicationBuilder(GatewayApplication.class).run(arguments);
    }

    static int port(ConfigurableApplicationContext gateway) {
        return ((WebServerApplicationContext) gateway).getWebServer().getPort();
    }
}
