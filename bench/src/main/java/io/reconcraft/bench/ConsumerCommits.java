package io.reconcraft.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How long each service's Kafka consumers waited for their offset commits, from the clients' own metric
 * ({@code kafka_consumer_coordinator_commit_latency_avg} on each service's {@code /actuator/prometheus}, Kafka's
 * average over its last ~minute). A listener that commits synchronously cannot poll meanwhile, so this wait is
 * part of every hop whose next record arrives while it lasts. And how many commits they made
 * ({@code kafka_consumer_coordinator_commit_total}): each is a request the broker's group coordinator writes to its log.
 */
final class ConsumerCommits {

    private static final String LATENCY = "kafka_consumer_coordinator_commit_latency_avg{";
    private static final String TOTAL = "kafka_consumer_coordinator_commit_total{";

    private ConsumerCommits() {
    }

    /** By service: the average commit latency of each of its consumers that committed, in milliseconds. */
    static Map<String, List<Double>> latencies(Map<String, Integer> servicePorts) {
        return byConsumer(servicePorts, LATENCY);
    }

    /** By service: the offset commits its consumers have made so far, summed. */
    static Map<String, Double> counts(Map<String, Integer> servicePorts) {
        Map<String, Double> counts = new TreeMap<>();
        byConsumer(servicePorts, TOTAL).forEach((service, totals) ->
                counts.put(service, totals.stream().mapToDouble(Double::doubleValue).sum()));
        return counts;
    }

    /** By service: the commits each service made between two {@link #counts} readings. */
    static Map<String, Double> difference(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> made = new TreeMap<>();
        after.forEach((service, total) -> made.put(service, total - before.getOrDefault(service, 0.0)));
        return made;
    }

    private static Map<String, List<Double>> byConsumer(Map<String, Integer> servicePorts, String metric) {
        Map<String, List<Double>> byService = new TreeMap<>();
        servicePorts.forEach((service, port) -> {
            List<Double> values = PrometheusScrape.lines(port).filter(line -> line.startsWith(metric))
                    .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                    .filter(value -> !value.equals("NaN"))
                    .map(Double::parseDouble)
                    .toList();
            if (!values.isEmpty()) {
                byService.put(service, values);
            }
        });
        return byService;
    }
}
