package io.reconcraft.gateway.schedules;

import io.reconcraft.events.model.InputEcho;
import io.reconcraft.gateway.error.FieldProblem;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.scheduling.support.CronExpression;

/**
 * A standard five-field cron expression (minute hour day-of-month month day-of-week) or one of the
 * {@code @hourly | @daily | @weekly | @monthly} shortcuts, in an IANA time zone. The arithmetic, DST included,
 * is Spring's {@link CronExpression} over {@code java.time} (see {@link #next} for two daylight-saving details);
 * Spring's expression has a leading seconds field, always {@code 0} here, so a schedule fires at most once a
 * minute.
 * <p>
 * One difference from Spring is bridged on purpose: in standard cron, when both day-of-month and day-of-week are
 * restricted, a day matches if EITHER matches ({@code 0 0 1 * 1}: the 1st and every Monday); Spring requires both.
 * Such an expression is evaluated as two expressions and the earlier next time wins.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
final class CronSchedule {

    static final String DEFAULT_TIMEZONE = "UTC";

    private static final Map<String, String> SHORTCUTS = Map.of(
            "@hourly", "0 * * * *",
            "@daily", "0 0 * * *",
            "@weekly", "0 0 * * 0",
            "@monthly", "0 0 1 * *");
    /** Numbers, names (JAN, MON), lists, ranges and steps: what five-field cron has, nothing of Spring's extras. */
    private static final Pattern FIELD = Pattern.compile(
            "(?:[0-9*]+|[A-Za-z]{3})(?:[-/,](?:[0-9*]+|[A-Za-z]{3}))*");

    private final List<CronExpression> expressions;
    private final ZoneId zone;
    private final boolean fixedHour;

    /** The schedule, or empty with what is wrong added to {@code problems} (fields {@code cron} and {@code timezone}). */
    static Optional<CronSchedule> parse(String cron, String timezone, List<FieldProblem> problems) {
        Optional<ZoneId> zone = zone(timezone, problems);
        Optional<List<CronExpression>> expressions = expressions(cron, problems);
        if (zone.isEmpty() || expressions.isEmpty()) {
            return Optional.empty();
        }
        String hour = SHORTCUTS.getOrDefault(cron.strip().toLowerCase(), cron.strip()).split("\\s+")[1];
        return Optional.of(new CronSchedule(expressions.get(), zone.get(), !hour.startsWith("*")));
    }

    static String timezoneOrDefault(String timezone) {
        return timezone == null || timezone.isBlank() ? DEFAULT_TIMEZONE : timezone.strip();
    }

    /**
     * The first due time strictly after {@code after}. Spring's arithmetic in the zone, with two corrections so
     * that it behaves as cron does across daylight-saving changes: a wall time skipped by the clocks jumping
     * forward fires at the jump (Spring would drop that day), and in the hour repeated when the clocks go back an
     * expression with a fixed hour fires on the first pass only (Spring would fire twice); with an hour wildcard
     * both passes fire, as in cron.
     */
    Instant next(Instant after) {
        Instant candidate = springNext(after);
        ZoneRules rules = zone.getRules();
        ZoneOffsetTransition transition = rules.nextTransition(after);
        if (transition != null && transition.isGap()
                && (candidate == null || !transition.getInstant().isAfter(candidate))) {
            LocalDateTime skipped = nextWallTime(transition.getDateTimeBefore().minusSeconds(1));
            if (skipped != null && skipped.isBefore(transition.getDateTimeAfter())) {
                return transition.getInstant();
            }
        }
        if (candidate != null && fixedHour) {
            List<ZoneOffset> offsets = rules.getValidOffsets(LocalDateTime.ofInstant(candidate, zone));
            if (offsets.size() > 1 && candidate.equals(LocalDateTime.ofInstant(candidate, zone)
                    .toInstant(offsets.get(1)))) {
                return next(candidate);
            }
        }
        return candidate;
    }

    private Instant springNext(Instant after) {
        Instant earliest = null;
        for (CronExpression expression : expressions) {
            ZonedDateTime next = expression.next(after.atZone(zone));
            if (next != null && (earliest == null || next.toInstant().isBefore(earliest))) {
                earliest = next.toInstant();
            }
        }
        return earliest;
    }

    /** The next matching wall-clock time after {@code from}: Spring's arithmetic on a zone without transitions. */
    private LocalDateTime nextWallTime(LocalDateTime from) {
        LocalDateTime earliest = null;
        for (CronExpression expression : expressions) {
            ZonedDateTime next = expression.next(from.atZone(ZoneOffset.UTC));
            if (next != null && (earliest == null || next.toLocalDateTime().isBefore(earliest))) {
                earliest = next.toLocalDateTime();
            }
        }
        return earliest;
    }

    private static Optional<ZoneId> zone(String timezone, List<FieldProblem> problems) {
        String name = timezoneOrDefault(timezone);
        // Only region ids (Europe/Berlin) and UTC: a fixed offset would silently ignore daylight saving.
        if (!ZoneId.getAvailableZoneIds().contains(name)) {
            problems.add(new FieldProblem("timezone", InputEcho.quoted(name)
                    + " is not an IANA time zone (for example UTC or Europe/Berlin)"));
            return Optional.empty();
        }
        return Optional.of(ZoneId.of(name));
    }

    private static Optional<List<CronExpression>> expressions(String cron, List<FieldProblem> problems) {
        if (cron == null || cron.isBlank()) {
            problems.add(new FieldProblem("cron", "required: five fields (minute hour day-of-month month "
                    + "day-of-week) or one of @hourly, @daily, @weekly, @monthly"));
            return Optional.empty();
        }
        String expression = cron.strip();
        if (expression.startsWith("@")) {
            expression = SHORTCUTS.get(expression.toLowerCase());
            if (expression == null) {
                problems.add(new FieldProblem("cron", InputEcho.quoted(cron.strip())
                        + " is not one of @hourly, @daily, @weekly, @monthly"));
                return Optional.empty();
            }
        }
        String[] fields = expression.split("\\s+");
        if (fields.length != 5) {
            problems.add(new FieldProblem("cron", InputEcho.quoted(cron.strip()) + " has " + fields.length
                    + " field(s); five are expected: minute hour day-of-month month day-of-week"));
            return Optional.empty();
        }
        for (String field : fields) {
            if (!FIELD.matcher(field).matches()) {
                problems.add(new FieldProblem("cron", InputEcho.quoted(field)
                        + " is not a cron field: use numbers, names, *, lists (1,2), ranges (1-5) and steps (*/15)"));
                return Optional.empty();
            }
        }
        try {
            if (restricted(fields[2]) && restricted(fields[4])) {
                return Optional.of(List.of(
                        spring(fields[0], fields[1], fields[2], fields[3], "*"),
                        spring(fields[0], fields[1], "*", fields[3], fields[4])));
            }
            return Optional.of(List.of(spring(fields[0], fields[1], fields[2], fields[3], fields[4])));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("cron", InputEcho.quoted(cron.strip()) + " is not a valid cron expression: "
                    + e.getMessage()));
            return Optional.empty();
        }
    }

    private static boolean restricted(String field) {
        return !field.startsWith("*");
    }

    private static CronExpression spring(String minute, String hour, String dayOfMonth, String month,
            String dayOfWeek) {
        return CronExpression.parse("0 " + minute + " " + hour + " " + dayOfMonth + " " + month + " " + dayOfWeek);
    }
}
