package io.reconcraft.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
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
        HttpClient http = HttpClient.newHttpClient();
        Map<String, List<Double>> byService = new TreeMap<>();
        servicePorts.forEach((service, port) -> {
            List<Double> values = new ArrayList<>();
            try {
                String metrics = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                metrics.lines().filter(line -> line.startsWith(metric))
                        .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                        .filter(value -> !value.equals("NaN"))
                        .map(Double::parseDouble)
                        .forEach(values::add);
            } catch (IOException e) {
                // a service without the endpoint: no figure
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!values.isEmpty()) {
                byService.put(service, values);
            }
        });
        return byService;
    }
}
