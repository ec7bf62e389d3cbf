package io.reconcraft.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The orchestrator's own part of a step's hand-over — a step's success read to the next steps' requests handed to the
 * producer — from its {@code reconcraft.step.handover} histogram on {@code /actuator/prometheus}: the buckets' counts
 * read before and after a phase, and the median of the hand-overs in between, interpolated within its bucket.
 */
final class HandOverTimes {

    private static final Pattern BUCKET = Pattern.compile(
            "^reconcraft_step_handover_seconds_bucket\\{.*le=\"([^\"]+)\".*} ([0-9.eE+-]+)$");

    private final int orchestratorPort;

    HandOverTimes(int orchestratorPort) {
        this.orchestratorPort = orchestratorPort;
    }

    /** Cumulative counts by upper bound in seconds; empty when the service does not answer. */
    Map<Double, Double> read() {
        Map<Double, Double> buckets = new TreeMap<>();
        PrometheusScrape.lines(orchestratorPort).map(BUCKET::matcher).filter(Matcher::matches).forEach(bucket ->
                buckets.put(bucket.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY
                        : Double.parseDouble(bucket.group(1)), Double.parseDouble(bucket.group(2))));
        return buckets;
    }

    /** The median in milliseconds of the hand-overs between two readings; NaN when there were none. */
    static double medianMillis(Map<Double, Double> before, Map<Double, Double> after) {
        double total = after.getOrDefault(Double.POSITIVE_INFINITY, 0.0)
                - before.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        if (total <= 0) {
            return Double.NaN;
        }
        double half = total / 2;
        double lowerBound = 0;
        double belowLower = 0;
        for (Map.Entry<Double, Double> bucket : after.entrySet()) {
            double upperBound = bucket.getKey();
            double upTo = bucket.getValue() - before.getOrDefault(upperBound, 0.0);
            if (upTo >= half) {
                if (Double.isInfinite(upperBound)) {
                    return lowerBound * 1000; // beyond the last bound: at least that
                }
                double within = upTo - belowLower;
                double fraction = within == 0 ? 1 : (half - belowLower) / within;
                return (lowerBound + fraction * (upperBound - lowerBound)) * 1000;
            }
            lowerBound = upperBound;
            belowLower = upTo;
        }
        return Double.NaN;
    }
}
