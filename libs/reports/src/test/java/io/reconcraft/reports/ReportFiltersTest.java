package io.reconcraft.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportFiltersTest {

    @Test
    void givenMinSeverityHighWhenAppliedThenOnlyHighAndCriticalFindingsRemainAndLowerCountsAreZero() {
        ReportModel high = ReportFilters.atLeast(Reports.demoRun(), "high");

        assertThat(high.findings()).extracting(ReportFinding::findingId).containsExactlyInAnyOrder("f-redis", "f-cve", "f-leak");
        assertThat(high.triagedAway()).isEmpty();
        assertThat(high.changes().resolved()).isEmpty();
        assertThat(high.severityCounts()).containsEntry("critical", 1).containsEntry("high", 2)
                .containsEntry("medium", 0).containsEntry("low", 0).containsEntry("info", 0);
        assertThat(high.changes().resolvedCount()).isEqualTo(1);
    }

    @Test
    void givenNoOrAnUnknownMinSeverityWhenAppliedThenTheModelIsUnchanged() {
        ReportModel demo = Reports.demoRun();

        assertThat(ReportFilters.atLeast(demo, null)).isSameAs(demo);
        assertThat(ReportFilters.atLeast(demo, "severe")).isSameAs(demo);
    }

    @Test
    void withoutTheResolvedListTheResolvedCountStays() {
        ReportModel model = ReportFilters.withoutResolvedList(Reports.demoRun());

        assertThat(model.changes().resolved()).isEmpty();
        assertThat(model.changes().resolvedCount()).isEqualTo(1);
        assertThat(model.findings()).hasSize(5);
    }

    @Test
    void severitiesAreCountedInReportOrderWithEverySeverityPresent() {
        assertThat(Severities.count(List.of(Reports.sshPort(), Reports.redisPort(), Reports.missingHeaders())))
                .containsExactly(java.util.Map.entry("critical", 0), java.util.Map.entry("high", 1),
                        java.util.Map.entry("medium", 0), java.util.Map.entry("low", 2), java.util.Map.entry("info", 0));
    }
}
