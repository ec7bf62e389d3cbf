package io.reconcraft.audit.chain;

import io.reconcraft.audit.config.AuditProperties;
import io.reconcraft.events.EventCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * The signed anchors of the chain. The newest one is held in memory (this service is the chain's only writer)
 * and published to a compacted topic after every change, from where it is recovered at start. An anchor
 * read back whose signature does not verify is ignored; among valid ones the one with the highest head wins,
 * so an old (validly signed) anchor replayed onto the topic does not roll the head back.
 */
@Component
@RequiredArgsConstructor
public class AnchorLedger {

    static final String KEY = "audit-chain";
    private static final Logger log = LoggerFactory.getLogger(AnchorLedger.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaTemplate<Object, Object> kafka;
    private final KafkaAdmin admin;
    private final RecordHash keys;
    private final AuditProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Anchor> current = new AtomicReference<>();

    /** The newest anchor, once recovered or published. */
    public Optional<Anchor> current() {
        return Optional.ofNullable(current.get());
    }

    /** Reads the topic to its end and keeps the best validly signed anchor found (empty if there is none). */
    public Optional<Anchor> recover() {
        Map<String, Object> config = new HashMap<>(admin.getConfigurationProperties());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        Anchor best = null;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(properties.anchorTopic(), READ_TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, READ_TIMEOUT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + properties.anchorTopic() + " to its end");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    best = better(best, read(record));
                }
            }
        }
        if (best != null) {
            current.set(best);
        }
        return Optional.ofNullable(best);
    }

    /** Records up to {@code sequence} were stored; the last has {@code hash}. */
    public void advanceHead(long sequence, String hash) {
        publish(current().orElseGet(Anchor::genesis).withHead(sequence, hash, clock.millis()));
    }

    /** Retention removes the records before {@code sequence}; the record at {@code sequence} carries {@code previousHash}. */
    public void moveTail(long sequence, String previousHash) {
        publish(current().orElseGet(Anchor::genesis).withTail(sequence, previousHash, clock.millis()));
    }

    /** Publishes {@code anchor} as it is (signed here); used to anchor a chain found without any anchor. */
    public void adopt(Anchor anchor) {
        publish(anchor);
    }

    private void publish(Anchor unsigned) {
        Anchor signed = unsigned.signedWith(keys);
        current.set(signed);
        kafka.send(properties.anchorTopic(), KEY, EventCodec.mapper().writeValueAsBytes(signed))
                .whenComplete((result, failure) -> {
                    if (failure != null) {
                        // the anchor in memory stays authoritative while running; the next change publishes again
                        log.warn("could not publish the audit anchor at head {}: {}", signed.headSequence(), failure.toString());
                    }
                });
    }

    private Anchor read(ConsumerRecord<String, byte[]> record) {
        try {
            Anchor anchor = EventCodec.mapper().readValue(record.value(), Anchor.class);
            if (anchor.isSignedWith(keys)) {
                return anchor;
            }
            log.warn("ignoring an audit anchor with a wrong signature at {}-{}@{}", record.topic(), record.partition(),
                    record.offset());
        } catch (RuntimeException e) {
            log.warn("ignoring an unreadable audit anchor at {}-{}@{}", record.topic(), record.partition(), record.offset());
        }
        return null;
    }

    private static Anchor better(Anchor best, Anchor candidate) {
        if (candidate == null) {
            return best;
        }
        if (best == null || candidate.headSequence() > best.headSequence()
                || (candidate.headSequence() == best.headSequence() && candidate.issuedAtMillis() >= best.issuedAtMillis())) {
            return candidate;
        }
        return best;
    }
}
