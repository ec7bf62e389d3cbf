package io.reconcraft.gateway.health;

import io.reconcraft.gateway.config.GatewayProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The Studio's health shape, plus {@code components}: healthy only when MongoDB and Kafka answer and every
 * step-request topic has a live consumer group that keeps up, i.e. when a run can make progress.
 */
@RestController
@RequiredArgsConstructor
public class HealthController {

    private final ReactiveMongoTemplate mongo;
    private final KafkaProbe kafka;
    private final GatewayProperties properties;
    private final Clock clock;

    @GetMapping("/api/health")
    public Mono<ResponseEntity<HealthStatus>> health() {
        Mono<Boolean> database = mongo.executeCommand(new Document("ping", 1))
                .map(answer -> answer.get("ok") instanceof Number ok && ok.doubleValue() == 1.0)
                .timeout(properties.healthTimeout())
                .onErrorReturn(false)
                .defaultIfEmpty(false);
        return database.map(databaseUp -> {
            HealthStatus status = HealthStatus.of(databaseUp, kafka.snapshot(), clock.instant());
            return ResponseEntity.status(status.healthy() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                    .body(status);
        });
    }

    /**
     * @param components {@code database}, {@code kafka} and one entry per step-request topic
     *                   ({@link ConsumerHealth}); the Kafka parts are at most a few seconds old
     */
    public record HealthStatus(String status, String database, String kafka, Instant timestamp,
                               Map<String, Object> components) {

        static HealthStatus of(boolean database, KafkaProbe.Snapshot kafka, Instant now) {
            boolean healthy = database && kafka.kafkaConnected() && kafka.consumersOk();
            Map<String, Object> components = new LinkedHashMap<>();
            components.put("database", Map.of("status", connection(database)));
            components.put("kafka", Map.of("status", connection(kafka.kafkaConnected()),
                    "checkedAt", kafka.checkedAt()));
            components.putAll(kafka.consumers());
            return new HealthStatus(healthy ? "healthy" : "unhealthy", connection(database),
                    connection(kafka.kafkaConnected()), now, components);
        }

        boolean healthy() {
            return "healthy".equals(status);
        }

        private static String connection(boolean up) {
            return up ? "connected" : "disconnected";
        }
    }
}
