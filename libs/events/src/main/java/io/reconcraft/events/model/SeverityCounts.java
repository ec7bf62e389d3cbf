package io.reconcraft.events.model;

import java.util.Collection;

public record SeverityCounts(int low, int medium, int high, int critical) {

    public static final SeverityCounts NONE = new SeverityCounts(0, 0, 0, 0);

    public static SeverityCounts of(Collection<Finding> findings) {
        int low = 0, medium = 0, high = 0, critical = 0;
        for (Finding finding : findings) {
            switch (finding.severity()) {
                case LOW -> low++;
                case MEDIUM -> medium++;
                case HIGH -> high++;
                case CRITICAL -> critical++;
            }
        }
        return new SeverityCounts(low, medium, high, critical);
    }

    public int total() {
        return low + medium + high + critical;
    }
}
