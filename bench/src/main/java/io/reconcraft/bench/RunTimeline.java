package io.reconcraft.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Where one run's time went between services: every record of that run on every topic, ordered by the
 * broker's append time, as milliseconds after the first. The gaps between a record and the next one are
 * the time a service took to react (its queue, its store, its own work).
 */
final class RunTimeline {

    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STEP = Pattern.compile("\"stepId\"\\s*:\\s*\"([^\"]+)\"");

    private RunTimeline() {
    }

    record Entry(long timestamp, String topic, String type, String stepId) {
    }

    static List<String> of(String bootstrap, String runId) throws Exception {
        List<String> topics;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            topics = admin.listTopics().names().get().stream().filter(t -> !t.startsWith("__") && !t.startsWith("bench.")).toList();
        }
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-timeline-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        List<Entry> entries = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(topics);
            int emptyPolls = 0;
            while (emptyPolls < 3) {
                var records = consumer.poll(Duration.ofMillis(1000));
                emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
                for (ConsumerRecord<String, String> record : records) {
                    String value = record.value() == null ? "" : record.value();
                    if (runId.equals(record.key()) || value.contains(runId)) {
                        entries.add(new Entry(record.timestamp(), record.topic(), find(TYPE, value), find(STEP, value)));
                    }
                }
            }
        }
        entries.sort(Comparator.comparingLong(Entry::timestamp));
        List<String> lines = new ArrayList<>();
        long first = entries.isEmpty() ? 0 : entries.get(0).timestamp();
        long previous = first;
        for (Entry entry : entries) {
            lines.add(String.format("| %d | +%d | %s | %s | %s |", entry.timestamp() - first, entry.timestamp() - previous,
                    entry.topic(), entry.type(), entry.stepId()));
            previous = entry.timestamp();
        }
        return lines;
    }

    private static String find(Pattern pattern, String value) {
        Matcher matcher = pattern.matcher(value);
        return matcher.find() ? matcher.group(1) : "";
    }
}
