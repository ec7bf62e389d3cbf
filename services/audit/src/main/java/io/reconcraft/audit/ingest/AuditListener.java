package io.reconcraft.audit.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.reconcraft.audit.chain.AuditChain;
import io.reconcraft.events.EventEnvelope;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Stores every event from every topic once, chained; a redelivered event is counted and otherwise ignored. */
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

    @KafkaListener(topics = "#{T(io.reconcraft.events.Topics).ALL}")
    void on(ConsumerRecord<String, EventEnvelope> record) {
        EventEnvelope event = record.value();
        if (chain.append(records.of(event, record.topic(), record.partition(), record.offset(), clock.instant()))
                == AuditChain.Appended.STORED) {
            stored.increment();
        } else {
            duplicates.increment();
            log.debug("event {} ({}) already stored", event.eventId(), event.type());
        }
    }
}
