package io.reconcraft.gateway.health;

import io.reconcraft.gateway.config.GatewayProperties;
import java.time.Clock;
import java.time.Instant;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The Studio's health shape: healthy only when both MongoDB and Kafka answer. */
@RestController
public class HealthController {

    private final ReactiveMongoTemplate mongo;
    private final KafkaProbe kafka;
    private final GatewayProperties properties;
    private final Clock clock;

    public HealthController(ReactiveMongoTemplate mongo, KafkaProbe kafka, GatewayProperties properties, Clock clock) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/api/health")
    public Mono<ResponseEntity<HealthStatus>> health() {
        Mono<Boolean> database = mongo.executeCommand(new Document("ping", 1))
                .map(answer -> answer.get("ok") instanceof Number ok && ok.doubleValue() == 1.0)
                .timeout(properties.healthTimeout())
                .onErrorReturn(false)
                .defaultIfEmpty(false);
        return Mono.zip(database, kafka.connected()).map(result -> {
            HealthStatus status = HealthStatus.of(result.getT1(), result.getT2(), clock.instant());
            return ResponseEntity.status(status.healthy() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                    .body(status);
        });
    }

    public record HealthStatus(String status, String database, String kafka, Instant timestamp) {

        static HealthStatus of(boolean database, boolean kafka, Instant now) {
            return new HealthStatus(database && kafka ? "healthy" : "unhealthy", connection(database),
                    connection(kafka), now);
        }

        boolean healthy() {
            return "healthy".equals(status);
        }

        private static String connection(boolean up) {
            return up ? "connected" : "disconnected";
        }
    }
}
