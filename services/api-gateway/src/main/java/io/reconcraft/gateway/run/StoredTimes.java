package io.reconcraft.gateway.run;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** MongoDB keeps an instant as milliseconds since the epoch. */
final class StoredTimes {

    private StoredTimes() {
    }

    static Instant of(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
