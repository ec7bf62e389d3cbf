package io.reconcraft.gateway.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.gateway.error.FieldProblem;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void givenEveryMinute_whenAskedForTheNextDueTimes_thenEachWholeMinuteOnce() {
        CronSchedule cron = parse("* * * * *", "UTC");

        assertThat(cron.next(Instant.parse("2027-01-10T10:00:30Z"))).isEqualTo("2027-01-10T10:01:00Z");
        assertThat(cron.next(Instant.parse("2027-01-10T10:01:00Z"))).isEqualTo("2027-01-10T10:02:00Z");
    }

    @Test
    void givenADailyTimeInBerlin_whenTheClocksGoForwardInMarch_thenItStillFiresOnceThatDay() {
        CronSchedule cron = parse("30 2 * * *", "Europe/Berlin");

        Instant beforeChange = cron.next(Instant.parse("2027-03-27T00:00:00Z"));
        Instant dayOfChange = cron.next(beforeChange);
        Instant afterChange = cron.next(dayOfChange);

        assertThat(beforeChange).isEqualTo("2027-03-27T01:30:00Z"); // 02:30 CET
        // 02:30 does not exist on 28 March 2027 (02:00 CET jumps to 03:00 CEST): as in cron, it fires at the jump
        assertThat(dayOfChange).isEqualTo("2027-03-28T01:00:00Z");
        assertThat(afterChange).isEqualTo("2027-03-29T00:30:00Z"); // 02:30 CEST
    }

    @Test
    void givenADailyTimeInBerlin_whenTheClocksGoBackInOctober_thenTheRepeatedHourFiresOnce() {
        CronSchedule cron = parse("30 2 * * *", "Europe/Berlin");

        Instant dayOfChange = cron.next(Instant.parse("2027-10-30T12:00:00Z"));
        Instant nextDay = cron.next(dayOfChange);

        assertThat(dayOfChange).isEqualTo("2027-10-31T00:30:00Z"); // 02:30 CEST, the first pass
        assertThat(nextDay).isEqualTo("2027-11-01T01:30:00Z"); // 02:30 CET
    }

    @Test
    void givenAnHourWildcard_whenTheClocksGoBack_thenTheRepeatedHourFiresOnBothPasses() {
        CronSchedule cron = parse("30 * * * *", "Europe/Berlin");

        Instant firstPass = cron.next(Instant.parse("2027-10-31T00:00:00Z")); // 02:00 CEST

        assertThat(firstPass).isEqualTo("2027-10-31T00:30:00Z");
        assertThat(cron.next(firstPass)).isEqualTo("2027-10-31T01:30:00Z"); // 02:30 CET
    }

    @Test
    void givenEveryMinute_whenTheClocksGoForward_thenTheJumpFiresOnceAndTheMinutesGoOn() {
        CronSchedule cron = parse("* * * * *", "Europe/Berlin");

        Instant jump = cron.next(Instant.parse("2027-03-28T00:59:30Z")); // 01:59:30 CET

        assertThat(jump).isEqualTo("2027-03-28T01:00:00Z"); // 03:00 CEST
        assertThat(cron.next(jump)).isEqualTo("2027-03-28T01:01:00Z");
    }

    @ParameterizedTest
    @CsvSource({"0 9 * * 0", "0 9 * * 7", "0 9 * * SUN", "@weekly"})
    void givenSundayWrittenAnyStandardWay_whenAskedForTheNextDueTime_thenItIsASunday(String expression) {
        Instant next = parse(expression, "UTC").next(Instant.parse("2027-01-06T12:00:00Z")); // a Wednesday

        assertThat(next.atZone(ZoneId.of("UTC")).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(next).isBetween(Instant.parse("2027-01-10T00:00:00Z"), Instant.parse("2027-01-10T09:00:00Z"));
    }

    @Test
    void givenBothDayFieldsRestricted_whenAskedForTheNextDueTime_thenEitherMatchesAsInStandardCron() {
        CronSchedule cron = parse("0 0 13 * 5", "UTC"); // the 13th, and every Friday

        assertThat(cron.next(Instant.parse("2027-01-06T12:00:00Z"))).isEqualTo("2027-01-08T00:00:00Z"); // Friday 8th
        assertThat(cron.next(Instant.parse("2027-01-08T00:00:00Z"))).isEqualTo("2027-01-13T00:00:00Z"); // Wed 13th
    }

    @ParameterizedTest
    @CsvSource({"@hourly, 2027-01-06T13:00:00Z", "@daily, 2027-01-07T00:00:00Z", "@monthly, 2027-02-01T00:00:00Z"})
    void givenAShortcut_whenAskedForTheNextDueTime_thenItIsTheStandardMeaning(String expression, String expected) {
        assertThat(parse(expression, "UTC").next(Instant.parse("2027-01-06T12:00:00Z"))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0 0 * * * *     | UTC           | cron",
            "61 * * * *      | UTC           | cron",
            "* * * *         | UTC           | cron",
            "@yearly         | UTC           | cron",
            "0 0 ? * MON     | UTC           | cron",
            "0 0 L * *       | UTC           | cron",
            "* * * * *       | Mars/Olympus  | timezone",
            "* * * * *       | +02:00        | timezone"})
    void givenABadExpressionOrZone_whenParsed_thenTheProblemNamesTheField(String cron, String zone, String field) {
        List<FieldProblem> problems = new ArrayList<>();

        assertThat(CronSchedule.parse(cron, zone, problems)).isEmpty();

        assertThat(problems).extracting(FieldProblem::field).containsExactly(field);
    }

    @Test
    void givenNoZone_whenParsed_thenItIsUtc() {
        assertThat(CronSchedule.timezoneOrDefault(null)).isEqualTo("UTC");
        assertThat(CronSchedule.timezoneOrDefault(" ")).isEqualTo("UTC");
    }

    private static CronSchedule parse(String cron, String zone) {
        List<FieldProblem> problems = new ArrayList<>();
        CronSchedule schedule = CronSchedule.parse(cron, zone, problems).orElse(null);
        assertThat(problems).isEmpty();
        return schedule;
    }
}
