package io.reconcraft.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Nearest-rank percentiles of a sample of durations in milliseconds. */
record Percentiles(List<Double> sortedMillis) {

    static Percentiles of(List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new Percentiles(List.copyOf(sorted));
    }

    double at(double percentile) {
        if (sortedMillis.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sortedMillis.size());
        return sortedMillis.get(Math.max(0, Math.min(sortedMillis.size() - 1, rank - 1)));
    }

    String summary() {
        return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (n=%d)",
                at(50), at(95), at(99), sortedMillis.size());
    }
}
