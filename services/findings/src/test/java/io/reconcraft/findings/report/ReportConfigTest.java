package io.reconcraft.findings.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcraft.reports.ReportFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportConfigTest {

    @Test
    void givenWhatTheStudioWrites_whenRead_thenHtmlAndJsonOfTheChosenSectionsWithResolvedListed() {
        ReportConfig config = ReportConfig.of(Map.of("title", "Weekly", "includeSections", List.of("summary", "findings")));

        assertThat(config.title()).isEqualTo("Weekly");
        assertThat(config.sections()).containsExactly("summary", "findings");
        assertThat(config.formats()).containsExactly(ReportFormat.HTML, ReportFormat.JSON);
        assertThat(config.includeResolved()).isTrue();
        assertThat(config.atLeastMinimum("low")).isTrue();
    }

    @Test
    void givenOurOptions_whenRead_thenFormatsSeverityAndResolvedFollowThem() {
        ReportConfig config = ReportConfig.of(Map.of("formats", List.of("PDF", "sarif", "csv", "pdf"),
                "minSeverity", "high", "includeResolved", "false"));

        assertThat(config.formats()).containsExactly(ReportFormat.PDF, ReportFormat.SARIF, ReportFormat.CSV);
        assertThat(config.atLeastMinimum("medium")).isFalse();
        assertThat(config.atLeastMinimum("critical")).isTrue();
        assertThat(config.includeResolved()).isFalse();
        assertThat(config.sections()).containsExactlyInAnyOrder("summary", "findings", "recommendations");
    }

    @Test
    void givenAnUnknownFormatOrSeverity_whenRead_thenTheProblemIsNamed() {
        assertThatThrownBy(() -> ReportConfig.of(Map.of("formats", List.of("docx"))))
                .hasMessageContaining("formats").hasMessageContaining("docx");
        assertThatThrownBy(() -> ReportConfig.of(Map.of("minSeverity", "urgent"))).hasMessageContaining("minSeverity");
    }
}
