package io.reconcraft.gateway.health;

import io.reconcraft.gateway.config.GatewayProperties;
import io.reconcraft.messaging.PeriodicTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Asks the broker, in the background every {@link HealthProperties#refreshInterval()}, whether it answers and
 * whether each step-request topic has a live consumer group that keeps up; {@code /api/health} only reads the
 * latest answer, so it stays cheap however often it is polled.
 */
@Component
class KafkaProbe extends PeriodicTask implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KafkaProbe.class);

    private final AdminClient admin;
    private final Duration timeout;
    private final HealthProperties properties;
    private final Clock clock;
    private final Map<String, Progress> progress = new HashMap<>();
    private volatile Snapshot latest;

    KafkaProbe(KafkaAdmin kafkaAdmin, GatewayProperties gateway, HealthProperties properties, Clock clock) {
        super("kafka-health", 1, Duration.ZERO, properties.refreshInterval());
        this.timeout = gateway.healthTimeout();
        this.properties = properties;
        this.clock = clock;
        var config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.admin = AdminClient.create(config);
        this.latest = Snapshot.unknown(properties.stepConsumers(), clock.instant());
    }

    /** The latest result of the background checks. */
    Snapshot snapshot() {
        return latest;
    }

    @Override
    protected void runOnce() {
        refresh();
    }

    void refresh() {
        try {
            latest = check();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.debug("Kafka health check failed", e);
            latest = Snapshot.unknown(properties.stepConsumers(), clock.instant());
        }
    }

    private Snapshot check() throws InterruptedException {
        Instant now = clock.instant();
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return Snapshot.unknown(properties.stepConsumers(), now);
        }
        Map<String, ConsumerHealth> consumers = new LinkedHashMap<>();
        try {
            var groups = admin.describeConsumerGroups(
                    List.copyOf(new java.util.LinkedHashSet<>(properties.stepConsumers().values()))).describedGroups();
            for (Map.Entry<String, String> entry : properties.stepConsumers().entrySet()) {
                String topic = entry.getKey();
                String group = entry.getValue();
                int members = members(groups.get(group));
                long lag = lag(topic, group);
                consumers.put(topic, new ConsumerHealth(status(topic, members, lag, now), group, members, lag));
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            log.debug("cannot describe the step consumers", e);
            properties.stepConsumers().forEach((topic, group) -> consumers.put(topic, ConsumerHealth.unknown(group)));
        }
        return new Snapshot(true, consumers, now);
    }

    /** Live members of a group; a group that does not exist (yet, or any more) has none. */
    private int members(org.apache.kafka.common.KafkaFuture<ConsumerGroupDescription> description)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        if (description == null) {
            return 0;
        }
        try {
            return description.get(timeout.toMillis(), TimeUnit.MILLISECONDS).members().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return 0;
            }
            throw e;
        }
    }

    private String status(String topic, int members, long lag, Instant now) {
        if (members == 0) {
            return ConsumerHealth.NO_CONSUMER;
        }
        return progress.computeIfAbsent(topic, t -> new Progress()).stalled(lag, now, properties.stallAfter())
                ? ConsumerHealth.STALLED : ConsumerHealth.OK;
    }

    /** Records waiting on {@code topic} for {@code group}: end offsets minus committed offsets. */
    private long lag(String topic, String group) throws InterruptedException, ExecutionException,
            java.util.concurrent.TimeoutException {
        TopicDescription description;
        try {
            description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return 0;
            }
            throw e;
        }
        Map<TopicPartition, OffsetSpec> latestOffsets = new HashMap<>();
        description.partitions().forEach(p -> latestOffsets.put(new TopicPartition(topic, p.partition()),
                OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                admin.listOffsets(latestOffsets).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed;
        try {
            committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw e;
            }
            committed = Map.of();
        }
        long lag = 0;
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += Math.max(0, end.getValue().offset() - (done == null ? 0 : done.offset()));
        }
        return lag;
    }

    @Override
    public void destroy() {
        stop();
        admin.close(Duration.ofSeconds(2));
    }

    /** Lag seen when the group last made progress (lag shrank or reached zero). */
    private static final class Progress {
        private long lagAtProgress;
        private Instant progressAt;

        boolean stalled(long lag, Instant now, Duration stallAfter) {
            if (progressAt == null || lag == 0 || lag < lagAtProgress) {
                lagAtProgress = lag;
                progressAt = now;
                return false;
            }
            return lag > lagAtProgress && Duration.between(progressAt, now).compareTo(stallAfter) >= 0;
        }
    }

    /** What the last background check found. */
    record Snapshot(boolean kafkaConnected, Map<String, ConsumerHealth> consumers, Instant checkedAt) {

        static Snapshot unknown(Map<String, String> stepConsumers, Instant now) {
            Map<String, ConsumerHealth> consumers = new LinkedHashMap<>();
            stepConsumers.forEach((topic, group) -> consumers.put(topic, ConsumerHealth.unknown(group)));
            return new Snapshot(false, consumers, now);
        }

        boolean consumersOk() {
            return consumers.values().stream().allMatch(ConsumerHealth::ok);
        }

        List<String> problems() {
            List<String> problems = new ArrayList<>();
            consumers.forEach((topic, health) -> {
                if (!health.ok()) {
                    problems.add(topic);
                }
            });
            return problems;
        }
    }
}
