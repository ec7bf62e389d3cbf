package io.reconcraft.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.gateway.run.RunView;
import io.reconcraft.gateway.run.StepView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The views kept for the read model stay within their bound of steps, the least recently used going first; only
 * what the read model wrote is current.
 */
class WrittenRunViewsTest {

    private final WrittenRunViews written = new WrittenRunViews(12);

    @Test
    void givenRunsBeyondTheBound_whenAnotherIsRemembered_thenTheLeastRecentlyUsedAreForgotten() {
        written.rememberInserted(run("a", "a", 3), () -> false);
        written.rememberInserted(run("b", "b", 3), () -> false);
        written.rememberInserted(run("c", "c", 3), () -> false);
        written.view("a"); // used: "b" is now the least recently used

        written.rememberInserted(run("d", "d", 3), () -> false);

        assertThat(written.view("b")).isNull();
        assertThat(written.view("a").workflowName()).isEqualTo("a");
        assertThat(written.view("c").workflowName()).isEqualTo("c");
        assertThat(written.view("d").workflowName()).isEqualTo("d");
    }

    @Test
    void givenARunWrittenAgain_whenRemembered_thenItsNewViewReplacesTheOldOneInTheBound() {
        written.rememberInserted(run("a", "a", 3), () -> false);
        written.rememberInserted(run("a", "a again", 10), () -> false);

        assertThat(written.view("a").workflowName()).isEqualTo("a again");
        assertThat(written.size()).isEqualTo(1);
    }

    @Test
    void givenARunWiderThanTheBound_whenRemembered_thenItIsNotKeptAndItsOlderViewIsForgotten() {
        written.rememberInserted(run("wide", "narrow at first", 1), () -> false);

        written.rememberInserted(run("wide", "wide", 12), () -> false);

        assertThat(written.view("wide")).isNull();
    }

    @Test
    void givenRememberedRuns_whenSomeAreForgotten_thenTheirPlaceIsFreeForOthers() {
        written.rememberInserted(run("a", "a", 5), () -> false);
        written.rememberInserted(run("b", "b", 5), () -> false);

        written.forget(List.of("a"));
        assertThat(written.view("a")).isNull();
        written.rememberInserted(run("c", "c", 5), () -> false);

        assertThat(written.view("b").workflowName()).isEqualTo("b");
        assertThat(written.view("c").workflowName()).isEqualTo("c");
    }

    @Test
    void givenARunInsertedHereWhosePartitionIsReadElsewhere_whenItsCurrentViewIsAsked_thenThereIsNone_butTheReadModelStillFindsIt() {
        written.rememberInserted(run("a", "a", 3), () -> false);

        assertThat(written.currentView("a")).isNull();
        assertThat(written.view("a").workflowName()).isEqualTo("a");
    }

    @Test
    void givenARunInsertedHereWhosePartitionIsReadHere_whenItsCurrentViewIsAsked_thenItIsTheViewInserted() {
        written.rememberInserted(run("a", "inserted, read here", 3), () -> true);

        assertThat(written.currentView("a").workflowName()).isEqualTo("inserted, read here");
    }

    @Test
    void givenARunTheReadModelWrote_whenItsCurrentViewIsAsked_thenItIsTheViewWritten() {
        written.rememberInserted(run("a", "inserted", 3), () -> false);

        written.rememberCurrent(run("a", "applied", 3));

        assertThat(written.currentView("a").workflowName()).isEqualTo("applied");
    }

    @Test
    void givenACurrentRun_whenEverythingIsForgotten_thenItIsNoLongerCurrent() {
        written.rememberCurrent(run("a", "a", 3));

        written.forgetAll();

        assertThat(written.currentView("a")).isNull();
    }

    @Test
    void givenARememberedRun_whenItsViewIsAskedFor_thenItIsTheViewWritten_untilItIsWrittenAgain() {
        RunView first = run("a", "a", 3);
        written.rememberCurrent(first);
        RunView again = run("a", "a, written again", 3);

        assertThat(written.currentView("a")).isSameAs(first);
        assertThat(written.view("a")).isSameAs(first);
        written.rememberCurrent(again);
        assertThat(written.currentView("a")).isSameAs(again);
    }

    /** A view of run {@code id} named {@code name} with {@code stepCount} steps (each weighs in the bound). */
    private static RunView run(String id, String name, int stepCount) {
        List<StepView> steps = new ArrayList<>();
        for (int i = 0; i < stepCount; i++) {
            steps.add(StepView.queued("n" + i, "node " + i));
        }
        return new RunView(id, null, name, null, null, null, null, null, null, null, steps, null, null, null, null,
                null, null, null);
    }
}
