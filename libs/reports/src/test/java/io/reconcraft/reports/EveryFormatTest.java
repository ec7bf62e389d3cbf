package io.reconcraft.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EveryFormatTest {

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void givenAModelWithNothingButNullsWhenRenderedThenAFileIsStillWritten(ReportFormat format) {
        ReportModel bare = new ReportModel(null, null, null, null, null, null, null, null, null, null, null);

        assertThat(ReportRenderer.render(bare, format)).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void givenFindingsWithOnlyATitleWhenRenderedThenAFileIsStillWritten(ReportFormat format) {
        ReportFinding bare = new ReportFinding(null, null, null, null, "Something odd", null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null);
        ReportModel model = new ReportModel("t", "r", null, null, null, null, null, null,
                Arrays.asList(bare, null), List.of(bare), List.of(new TimelineEntry(null, null, null, null, null, null)));

        assertThat(ReportRenderer.render(model, format)).isNotEmpty();
    }

    /** The PDF is left out: OpenPDF stamps it with the time it was written. */
    @ParameterizedTest
    @EnumSource(value = ReportFormat.class, names = {"HTML", "JSON", "SARIF", "CSV"})
    void theSameModelGivesTheSameFileEveryTime(ReportFormat format) {
        assertThat(ReportRenderer.render(Reports.demoRun(), format))
                .isEqualTo(ReportRenderer.render(Reports.demoRun(), format));
    }

    @org.junit.jupiter.api.Test
    void aMissingModelOrFormatIsAProgrammingError() {
        assertThatNullPointerException().isThrownBy(() -> ReportRenderer.render(null, ReportFormat.HTML));
        assertThatNullPointerException().isThrownBy(() -> ReportRenderer.render(Reports.demoRun(), null));
    }
}
