package io.reconcraft.notifier.onlynew;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.FindingsUpdated.FindingChange;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.UpstreamOutput;
import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnlyNewFilterTest {

    private static final UpstreamOutput SCAN = new UpstreamOutput("scan", "nmap", Map.of(),
            List.of(finding("a"), finding("b"), finding("c")));
    private static final UpstreamOutput QUIET = new UpstreamOutput("probe", "http-probe", Map.of(), List.of());

    @Test
    void givenTheUpstreamSorting_whenFiltered_thenOnlyNewAndReopenedFindingsNotTriagedAwayStay() {
        OnlyNewFilter.Result result = OnlyNewFilter.apply(step(SCAN, QUIET), Map.of("scan", List.of(
                new FindingChange(0, "f0", "unchanged", "untriaged"), new FindingChange(1, "f1", "new", "untriaged"),
                new FindingChange(2, "f2", "reopened", "accepted_risk"))));

        assertThat(result).isInstanceOfSatisfying(OnlyNewFilter.Sorted.class, sorted -> {
            assertThat(sorted.kept()).isEqualTo(1);
            assertThat(sorted.total()).isEqualTo(3);
            assertThat(sorted.step().upstream().get(0).findings()).extracting(Finding::title).containsExactly("b");
            assertThat(sorted.step().upstream().get(1)).isEqualTo(QUIET);
        });
    }

    @Test
    void givenAnUpstreamNodeNotSortedOrSortedForOtherFindings_whenFiltered_thenItIsMissing_andOneWithoutFindingsIsNotAwaited() {
        assertThat(OnlyNewFilter.nodesToWaitFor(step(SCAN, QUIET))).containsExactly("scan");
        assertThat(OnlyNewFilter.apply(step(SCAN, QUIET), Map.of()))
                .isEqualTo(new OnlyNewFilter.Missing(List.of("scan")));
        assertThat(OnlyNewFilter.apply(step(SCAN), Map.of("scan", List.of(new FindingChange(0, "f0", "new")))))
                .isEqualTo(new OnlyNewFilter.Missing(List.of("scan")));
    }

    @Test
    void givenTheSetting_whenRead_thenBooleansAndTheirTextCount_andAnythingElseIsRefused() {
        assertThat(OnlyNewFilter.setting(Map.of())).contains(false);
        assertThat(OnlyNewFilter.setting(Map.of("onlyNew", true))).contains(true);
        assertThat(OnlyNewFilter.setting(Map.of("onlyNew", "TRUE"))).contains(true);
        assertThat(OnlyNewFilter.setting(Map.of("onlyNew", "false"))).contains(false);
        assertThat(OnlyNewFilter.setting(Map.of("onlyNew", 1))).isEmpty();
    }

    private static StepRequested step(UpstreamOutput... upstream) {
        return new StepRequested("run-1:alert", "alert", "slack", "Alert", Map.of("onlyNew", true), List.of("h.test"),
                RunMode.DEMO, AuthorizedScope.NONE, 1, 30, List.of(upstream));
    }

    private static Finding finding(String title) {
        return new Finding("id-" + title, Severity.LOW, title, "d", null, null, "h.test", "nmap", null, Map.of());
    }
}
