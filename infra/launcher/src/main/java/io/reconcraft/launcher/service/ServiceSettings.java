package io.reconcraft.launcher.service;

import io.reconcraft.launcher.stack.ServiceName;
import io.reconcraft.launcher.stack.StackConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/** The Spring properties the launcher gives each service, whether it runs in a child JVM or in this one. */
public final class ServiceSettings {

    private ServiceSettings() {
    }

    public static Map<String, String> properties(ServiceName service, StackConfig config, String adminKey) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", String.valueOf(config.ports().of(service)));
        properties.put("spring.kafka.bootstrap-servers", config.kafkaBootstrap());
        properties.put("spring.mongodb.uri", config.mongoUri());
        // Boot's Mongo health indicator reports DOWN against mongo-java-server, which would block readiness
        properties.put("management.health.mongodb.enabled", "false");
        // a member that died is dropped from its group after 10 s instead of 45 s, so its partitions move to
        // the restarted instance (and the gateway's health sees the gap) sooner
        properties.put("spring.kafka.consumer.properties[session.timeout.ms]", "10000");
        properties.put("spring.kafka.consumer.properties[heartbeat.interval.ms]", "3000");
        if (service == ServiceName.API_GATEWAY) {
            properties.put("reconcraft.gateway.admin-api-key", adminKey);
            // the gateway answers admins' audit queries from the audit service, wherever its port is
            properties.put("reconcraft.gateway.audit-url", "http://127.0.0.1:" + config.ports().of(ServiceName.AUDIT));
        }
        return properties;
    }
}
