package io.reconcraft.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.gateway.run.RunView;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The documents kept for the read model stay within their bound of steps, the least recently used going first; only
 * what the read model wrote is current.
 */
class WrittenRunDocumentsTest {

    private final WrittenRunDocuments written = new WrittenRunDocuments(12, this::read);

    @Test
    void givenRunsBeyondTheBound_whenAnotherIsRemembered_thenTheLeastRecentlyUsedAreForgotten() {
        written.rememberInserted("a", run("a"), 3, () -> false);
        written.rememberInserted("b", run("b"), 3, () -> false);
        written.rememberInserted("c", run("c"), 3, () -> false);
        written.view("a"); // used: "b" is now the least recently used

        written.rememberInserted("d", run("d"), 3, () -> false);

        assertThat(written.view("b")).isNull();
        assertThat(written.view("a").workflowName()).isEqualTo("a");
        assertThat(written.view("c").workflowName()).isEqualTo("c");
        assertThat(written.view("d").workflowName()).isEqualTo("d");
    }

    @Test
    void givenARunWrittenAgain_whenRemembered_thenItsNewDocumentReplacesTheOldOneInTheBound() {
        written.rememberInserted("a", run("a"), 3, () -> false);
        written.rememberInserted("a", run("a again"), 10, () -> false);

        assertThat(written.view("a").workflowName()).isEqualTo("a again");
        assertThat(written.size()).isEqualTo(1);
    }

    @Test
    void givenARunWiderThanTheBound_whenRemembered_thenItIsNotKeptAndItsOlderDocumentIsForgotten() {
        written.rememberInserted("wide", run("narrow at first"), 1, () -> false);

        written.rememberInserted("wide", run("wide"), 12, () -> false);

        assertThat(written.view("wide")).isNull();
    }

    @Test
    void givenRememberedRuns_whenSomeAreForgotten_thenTheirPlaceIsFreeForOthers() {
        written.rememberInserted("a", run("a"), 5, () -> false);
        written.rememberInserted("b", run("b"), 5, () -> false);

        written.forget(List.of("a"));
        assertThat(written.view("a")).isNull();
        written.rememberInserted("c", run("c"), 5, () -> false);

        assertThat(written.view("b").workflowName()).isEqualTo("b");
        assertThat(written.view("c").workflowName()).isEqualTo("c");
    }

    @Test
    void givenARunInsertedHereWhosePartitionIsReadElsewhere_whenItsCurrentViewIsAsked_thenThereIsNone_butTheReadModelStillFindsIt() {
        written.rememberInserted("a", run("a"), 3, () -> false);

        assertThat(written.currentView("a")).isNull();
        assertThat(written.view("a").workflowName()).isEqualTo("a");
    }

    @Test
    void givenARunInsertedHereWhosePartitionIsReadHere_whenItsCurrentViewIsAsked_thenItIsTheDocumentInserted() {
        written.rememberInserted("a", run("inserted, read here"), 3, () -> true);

        assertThat(written.currentView("a").workflowName()).isEqualTo("inserted, read here");
    }

    @Test
    void givenARunTheReadModelWrote_whenItsCurrentViewIsAsked_thenItIsTheDocumentWritten() {
        written.rememberInserted("a", run("inserted"), 3, () -> false);

        written.rememberCurrent("a", run("applied"), 3);

        assertThat(written.currentView("a").workflowName()).isEqualTo("applied");
    }

    @Test
    void givenACurrentRun_whenEverythingIsForgotten_thenItIsNoLongerCurrent() {
        written.rememberCurrent("a", run("a"), 3);

        written.forgetAll();

        assertThat(written.currentView("a")).isNull();
    }

    @Test
    void givenARememberedRun_whenItsViewIsAskedForAgain_thenTheDocumentIsReadOnce_untilItIsWrittenAgain() {
        written.rememberCurrent("a", run("a"), 3);

        RunView first = written.currentView("a");
        RunView again = written.view("a");
        written.rememberCurrent("a", run("a, written again"), 3);
        RunView afterTheWrite = written.currentView("a");

        assertThat(again).isSameAs(first);
        assertThat(afterTheWrite.workflowName()).isEqualTo("a, written again");
        assertThat(reads).containsExactly("a", "a, written again");
    }

    private final List<String> reads = new ArrayList<>();

    private RunView read(Document document) {
        reads.add(document.getString("workflowName"));
        return new RunView(document.getString("_id"), null, document.getString("workflowName"), null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static Document run(String name) {
        return new Document("_id", name).append("workflowName", name);
    }
}
