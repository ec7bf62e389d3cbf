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
 * part of every hop whose next record arrives while it lasts.
 */
final class ConsumerCommits {

    private static final String METRIC = "kafka_consumer_coordinator_commit_latency_avg{";

    private ConsumerCommits() {
    }

    /** By service: the average commit latency of each of its consumers that committed, in milliseconds. */
    static Map<String, List<Double>> latencies(Map<String, Integer> servicePorts) {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, List<Double>> byService = new TreeMap<>();
        servicePorts.forEach((service, port) -> {
            List<Double> averages = new ArrayList<>();
            try {
                String metrics = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                metrics.lines().filter(line -> line.startsWith(METRIC))
                        .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                        .filter(value -> !value.equals("NaN"))
                        .map(Double::parseDouble)
                        .forEach(averages::add);
            } catch (IOException e) {
                // a service without the endpoint: no figure
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!averages.isEmpty()) {
                byService.put(service, averages);
            }
        });
        return byService;
    }
}
