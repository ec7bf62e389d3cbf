package io.reconcraft.launcher.service;

import io.reconcraft.launcher.stack.AdminKey;
import io.reconcraft.launcher.stack.EventSigningKey;
import io.reconcraft.launcher.stack.ServiceName;
import io.reconcraft.launcher.stack.StackConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Spring properties the launcher gives each service, the one place they are decided: an in-process service gets
 * them as arguments, a child JVM as {@code SPRING_APPLICATION_JSON} (see {@link ServiceProcess}).
 */
public final class ServiceSettings {

    /** The secrets' variables: set in the launcher's environment they win, else they are generated once per data folder. */
    static final String AUDIT_API_TOKEN = "RECONCRAFT_AUDIT_API_TOKEN";
    static final String AUDIT_CHAIN_KEY = "RECONCRAFT_AUDIT_CHAIN_KEY";

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
        // on stop, the web server's event loops waited 2 s for tasks that never come (its requests are drained by
        // then): most of a service's stop time (issue 14: stop within 5 s)
        properties.put("spring.reactor.netty.shutdown-quiet-period", "0s");
        // local stack: nothing but this machine can reach a service (the gateway is the only door, and on loopback too)
        properties.put("server.address", "127.0.0.1");
        properties.put("reconcraft.messaging.signing-key", EventSigningKey.resolve(System.getenv(), config.home()));
        if (service == ServiceName.AUDIT) {
            properties.put("reconcraft.audit.api-token", auditApiToken(config));
            properties.put("reconcraft.audit.chain-key", AdminKey.resolveSecret(System.getenv(), config.home(),
                    AUDIT_CHAIN_KEY, "audit-chain-key"));
        }
        if (service == ServiceName.API_GATEWAY) {
            properties.put("reconcraft.gateway.admin-api-key", adminKey);
            // the gateway answers admins' audit queries from the audit service, wherever its port is
            properties.put("reconcraft.gateway.audit-url", "http://127.0.0.1:" + config.ports().of(ServiceName.AUDIT));
            properties.put("reconcraft.gateway.audit-api-token", auditApiToken(config));
            properties.put("reconcraft.gateway.findings-url",
                    "http://127.0.0.1:" + config.ports().of(ServiceName.FINDINGS));
        }
        return properties;
    }

    private static String auditApiToken(StackConfig config) {
        return AdminKey.resolveSecret(System.getenv(), config.home(), AUDIT_API_TOKEN, "audit-api-token");
    }
}
