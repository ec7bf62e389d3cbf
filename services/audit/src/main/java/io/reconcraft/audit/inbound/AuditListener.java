package io.reconcraft.audit.inbound;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.reconcraft.audit.chain.AuditChain;
import io.reconcraft.audit.ingest.AuditRecords;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.messaging.ReadablePoll;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Stores every event from every topic once, chained: one bulk insert per poll. A redelivered event is counted
 * and otherwise ignored. A record that could not be read is dead-lettered by the error handler after the
 * records before it in the batch are stored.
 */
@Component
public class AuditListener {

    private static final Logger log = LoggerFactory.getLogger(AuditListener.class);

    private final AuditChain chain;
    private final AuditRecords records;
    private final Clock clock;
    private final Counter stored;
    private final Counter duplicates;

    public AuditListener(AuditChain chain, AuditRecords records, MeterRegistry meters) {
        this.chain = chain;
        this.records = records;
        this.clock = Clock.systemUTC();
        this.stored = Counter.builder("reconcraft.audit.stored").description("events stored").register(meters);
        this.duplicates = Counter.builder("reconcraft.audit.duplicates")
                .description("events seen again and not stored a second time").register(meters);
    }

    // Nothing waits on the audit trail the way a run waits on its steps: a fetch may gather up to 100 ms of every
    // topic, so a busy stack is stored in few large polls (one bulk insert, one offset commit each) instead of one
    // small poll per event burst.
    @KafkaListener(topics = "#{T(io.reconcraft.events.Topics).ALL}", batch = "true",
            properties = {"fetch.min.bytes=65536", "fetch.max.wait.ms=100"})
    void on(List<ConsumerRecord<String, EventEnvelope>> batch) {
        ReadablePoll.apply(batch, this::store);
    }

    private void store(List<ConsumerRecord<String, EventEnvelope>> batch) {
        Instant receivedAt = clock.instant();
        List<Document> documents = new ArrayList<>(batch.size());
        for (ConsumerRecord<String, EventEnvelope> record : batch) {
            documents.add(records.of(record.value(), record.topic(), record.partition(), record.offset(), receivedAt));
        }
        if (!documents.isEmpty()) {
            AuditChain.Appended appended = chain.append(documents);
            stored.increment(appended.stored());
            duplicates.increment(appended.duplicates());
            if (appended.duplicates() > 0) {
                log.debug("{} events of a batch of {} were stored already", appended.duplicates(), documents.size());
            }
        }
    }
}
