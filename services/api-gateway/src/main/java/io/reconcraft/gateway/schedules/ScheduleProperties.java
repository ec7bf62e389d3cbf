package io.reconcraft.gateway.schedules;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled     whether this instance polls for due schedules at all (the API works either way)
 * @param tick        how often the database is read for due schedules; a deleted or disabled schedule stops
 *                    within one tick on every instance
 * @param catchUp     after downtime: {@code one} fires one missed due time, {@code none} fires none
 * @param lateAfter   a due time found later than this is "missed" (downtime), subject to {@code catchUp}
 * @param firingLease a claimed fire not finished within this time (its instance died) is finished by another
 *                    instance, with the same run id
 */
@ConfigurationProperties("reconcraft.schedules")
public record ScheduleProperties(Boolean enabled, Duration tick, CatchUp catchUp, Duration lateAfter,
        Duration firingLease) {

    public ScheduleProperties {
        enabled = enabled == null || enabled;
        tick = tick == null ? Duration.ofSeconds(2) : tick;
        catchUp = catchUp == null ? CatchUp.ONE : catchUp;
        lateAfter = lateAfter == null ? Duration.ofMinutes(1) : lateAfter;
        firingLease = firingLease == null ? Duration.ofMinutes(1) : firingLease;
    }

    public enum CatchUp { NONE, ONE }
}
