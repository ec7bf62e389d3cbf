package io.reconcraft.bench;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The stack JVM's heap as a service's Micrometer gauges show it ({@code /actuator/prometheus}): its old generation's
 * occupancy (under G1 what the stored data and the services' caches hold, plus garbage not yet mixed out), the live
 * data the collector last measured after a full marking (0 until it has marked once) and the most it may grow to.
 * In the one-JVM stack any service's gauges are the whole stack's; with {@code processes=1} they are that service's.
 */
record HeapReading(double oldGenerationBytes, double liveDataBytes, double maxBytes) {

    private static final String OLD_GENERATION = "jvm_memory_used_bytes{area=\"heap\",id=\"G1 Old Gen\"}";
    private static final String LIVE_DATA = "jvm_gc_live_data_size_bytes";
    private static final String MAX_DATA = "jvm_gc_max_data_size_bytes";

    static HeapReading of(int port) {
        Map<String, Double> gauges = PrometheusScrape.lines(port)
                .filter(line -> line.startsWith(OLD_GENERATION + " ") || line.startsWith(LIVE_DATA + " ")
                        || line.startsWith(MAX_DATA + " "))
                .collect(Collectors.toMap(line -> line.substring(0, line.lastIndexOf(' ')),
                        line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), (a, b) -> a));
        return new HeapReading(gauges.getOrDefault(OLD_GENERATION, Double.NaN),
                gauges.getOrDefault(LIVE_DATA, Double.NaN), gauges.getOrDefault(MAX_DATA, Double.NaN));
    }

    /** The live data in bytes, if the collector has measured it yet. */
    OptionalDouble liveData() {
        return liveDataBytes > 0 ? OptionalDouble.of(liveDataBytes) : OptionalDouble.empty();
    }
}
