package io.reconcraft.gateway.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.reconcraft.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Consumer lag of every consumer group, per topic, and the records waiting in each dead-letter topic, read
 * from the broker on a timer (a few admin calls per interval, independent of the event rate). The gateway
 * does it for the whole system: it is the one service every deployment scrapes first.
 */
@Component
class KafkaLagMetrics implements DisposableBean {

    static final String CONSUMER_LAG = "reconcraft.kafka.consumer.lag";
    static final String DEAD_LETTERS = "reconcraft.kafka.dead.letters";
    private static final Logger log = LoggerFactory.getLogger(KafkaLagMetrics.class);

    private final Admin admin;
    private final Duration interval;
    private final MultiGauge lag;
    private final MultiGauge deadLetters;
    private Disposable schedule;

    KafkaLagMetrics(KafkaAdmin kafkaAdmin, MeterRegistry registry,
            @Value("${reconcraft.gateway.metrics.kafka-interval:15s}") Duration interval) {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        int timeout = (int) Math.max(1000, interval.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "api-gateway-lag-metrics");
        this.admin = Admin.create(config);
        this.interval = interval;
        this.lag = MultiGauge.builder(CONSUMER_LAG)
                .description("Records not yet consumed, per consumer group and topic").register(registry);
        this.deadLetters = MultiGauge.builder(DEAD_LETTERS)
                .description("Records in a dead-letter topic (<topic>.dlt)").register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        schedule = Flux.interval(Duration.ZERO, interval, Schedulers.boundedElastic())
                .onBackpressureDrop()
                .subscribe(tick -> refresh());
    }

    void refresh() {
        try {
            lag.register(lagRows(), true);
            deadLetters.register(deadLetterRows(), true);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.debug("Kafka lag not refreshed: {}", e.toString());
        }
    }

    private List<MultiGauge.Row<?>> lagRows() throws Exception {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        long timeout = interval.toMillis();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(timeout, TimeUnit.MILLISECONDS)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(timeout, TimeUnit.MILLISECONDS);
            committed.values().removeIf(java.util.Objects::isNull);
            Map<TopicPartition, Long> ends = latest(committed.keySet(), timeout);
            Map<String, Long> byTopic = committed.entrySet().stream().collect(Collectors.groupingBy(
                    entry -> entry.getKey().topic(),
                    Collectors.summingLong(entry -> Math.max(0, ends.getOrDefault(entry.getKey(),
                            entry.getValue().offset()) - entry.getValue().offset()))));
            byTopic.forEach((topic, value) -> rows.add(
                    MultiGauge.Row.of(Tags.of("group", group.groupId(), "topic", topic), value)));
        }
        return rows;
    }

    private List<MultiGauge.Row<?>> deadLetterRows() throws Exception {
        long timeout = interval.toMillis();
        List<String> deadLetterTopics = Topics.ALL.stream().map(Topics::deadLetterOf).toList();
        Map<String, org.apache.kafka.clients.admin.TopicDescription> described = admin
                .describeTopics(deadLetterTopics).allTopicNames().get(timeout, TimeUnit.MILLISECONDS);
        List<TopicPartition> partitions = described.values().stream()
                .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                .toList();
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest(), timeout);
        Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest(), timeout);
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (String topic : deadLetterTopics) {
            long records = partitions.stream().filter(p -> p.topic().equals(topic))
                    .mapToLong(p -> ends.getOrDefault(p, 0L) - starts.getOrDefault(p, 0L)).sum();
            rows.add(MultiGauge.Row.of(Tags.of("topic", topic), records));
        }
        return rows;
    }

    private Map<TopicPartition, Long> latest(java.util.Collection<TopicPartition> partitions, long timeout)
            throws Exception {
        return offsets(partitions, OffsetSpec.latest(), timeout);
    }

    private Map<TopicPartition, Long> offsets(java.util.Collection<TopicPartition> partitions, OffsetSpec spec,
            long timeout) throws Exception {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(p -> p, p -> spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin.listOffsets(request).all()
                .get(timeout, TimeUnit.MILLISECONDS);
        return result.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    @Override
    public void destroy() {
        if (schedule != null) {
            schedule.dispose();
        }
        admin.close(Duration.ofSeconds(1));
    }
}
