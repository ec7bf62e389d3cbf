package io.reconcraft.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * the time a service took to react (its queue, its store, its own work). {@link #typical} does the same for many
 * runs alike, as medians, with the moments the client saw among the records.
 */
final class RunTimeline {

    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern RUN = Pattern.compile("\"runId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STEP = Pattern.compile("\"stepId\"\\s*:\\s*\"([^\"]+)\"");

    private RunTimeline() {
    }

    record Entry(long timestamp, String topic, String type, String stepId) {

        /** A moment the benchmark's client saw, placed among the records by its wall-clock time. */
        static Entry client(long timestamp, String what) {
            return new Entry(timestamp, "(the client)", what, "");
        }
    }

    static List<String> of(String bootstrap, String runId) throws Exception {
        List<Entry> entries = read(bootstrap, Set.of(runId)).getOrDefault(runId, List.of());
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

    /**
     * The typical run of many alike: for every record a run has (its event, its node, which occurrence), the median
     * of its time after the run's first record over all the runs, and the median of each run's gap to the row
     * above — one run's timeline is mostly noise on two cores (a collection, a compilation).
     */
    static Typical typical(String bootstrap, Map<String, List<Entry>> seenByClient) throws Exception {
        Map<String, List<Entry>> byRun = read(bootstrap, seenByClient.keySet());
        byRun.forEach((run, entries) -> {
            entries.addAll(seenByClient.get(run));
            entries.sort(Comparator.comparingLong(Entry::timestamp));
        });
        Map<String, Map<String, Long>> offsets = new HashMap<>(); // label → run → ms after the run's first record
        Map<String, String> topicOf = new HashMap<>();
        for (Map.Entry<String, List<Entry>> run : byRun.entrySet()) {
            long first = run.getValue().get(0).timestamp();
            Map<String, Integer> seen = new HashMap<>();
            for (Entry entry : run.getValue()) {
                String node = entry.stepId().contains(":") ? entry.stepId().substring(entry.stepId().indexOf(':') + 1) : "";
                String label = entry.type() + "|" + node;
                int occurrence = seen.merge(label, 1, Integer::sum);
                label = occurrence == 1 ? label : label + " #" + occurrence;
                offsets.computeIfAbsent(label, l -> new HashMap<>()).put(run.getKey(), entry.timestamp() - first);
                topicOf.put(label, entry.topic());
            }
        }
        List<String> labels = new ArrayList<>(offsets.keySet());
        labels.sort(Comparator.comparingDouble((String label) -> median(offsets.get(label).values())));
        List<String> lines = new ArrayList<>();
        String above = null;
        for (String label : labels) {
            Map<String, Long> at = offsets.get(label);
            List<Long> gaps = new ArrayList<>();
            if (above != null) {
                Map<String, Long> aboveAt = offsets.get(above);
                at.forEach((run, offset) -> {
                    if (aboveAt.containsKey(run)) {
                        gaps.add(offset - aboveAt.get(run));
                    }
                });
            }
            String[] parts = label.split("\\|", 2);
            lines.add(String.format(Locale.ROOT, "| %.0f | +%.0f | %s | %s | %s | %d |", median(at.values()),
                    gaps.isEmpty() ? 0.0 : median(gaps), topicOf.get(label), parts[0], parts[1], at.size()));
            above = label;
        }
        return new Typical(lines, offsets);
    }

    /**
     * The typical run's table rows, and each record's time after its run's first by run, under labels
     * {@code event|node} (a repeated one with {@code  #n}).
     */
    record Typical(List<String> rows, Map<String, Map<String, Long>> offsets) {

        /** The median over the runs that have both records of the time from the first to the second; NaN if none. */
        double medianGap(String from, String to) {
            Map<String, Long> start = offsets.getOrDefault(from, Map.of());
            List<Long> gaps = new ArrayList<>();
            offsets.getOrDefault(to, Map.of()).forEach((run, end) -> {
                if (start.containsKey(run)) {
                    gaps.add(end - start.get(run));
                }
            });
            return gaps.isEmpty() ? Double.NaN : median(gaps);
        }
    }

    private static double median(Collection<Long> values) {
        return Percentiles.of(values.stream().map(Long::doubleValue).toList()).at(50);
    }

    /** Every record of these runs on every topic, per run, in append order. */
    private static Map<String, List<Entry>> read(String bootstrap, Set<String> runIds) throws Exception {
        List<String> topics;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            topics = admin.listTopics().names().get().stream().filter(t -> !t.startsWith("__") && !t.startsWith("bench.")).toList();
        }
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-timeline-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        Map<String, List<Entry>> byRun = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(topics);
            int emptyPolls = 0;
            while (emptyPolls < 3) {
                var records = consumer.poll(Duration.ofMillis(1000));
                emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
                for (ConsumerRecord<String, String> record : records) {
                    String value = record.value() == null ? "" : record.value();
                    String runId = record.key() != null && runIds.contains(record.key()) ? record.key() : find(RUN, value);
                    if (runIds.contains(runId)) {
                        byRun.computeIfAbsent(runId, r -> new ArrayList<>()).add(
                                new Entry(record.timestamp(), record.topic(), find(TYPE, value), find(STEP, value)));
                    }
                }
            }
        }
        byRun.values().forEach(entries -> entries.sort(Comparator.comparingLong(Entry::timestamp)));
        return byRun;
    }

    private static String find(Pattern pattern, String value) {
        Matcher matcher = pattern.matcher(value);
        return matcher.find() ? matcher.group(1) : "";
    }
}
