package io.reconcraft.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The documents kept for the read model stay within their bound of steps, the least recently used going first. */
class WrittenRunDocumentsTest {

    private final WrittenRunDocuments written = new WrittenRunDocuments(12);

    @Test
    void givenRunsBeyondTheBound_whenAnotherIsRemembered_thenTheLeastRecentlyUsedAreForgotten() {
        written.remember("a", run("a"), 3);
        written.remember("b", run("b"), 3);
        written.remember("c", run("c"), 3);
        written.get("a"); // used: "b" is now the least recently used

        written.remember("d", run("d"), 3);

        assertThat(written.get("b")).isNull();
        assertThat(written.get("a")).isEqualTo(run("a"));
        assertThat(written.get("c")).isEqualTo(run("c"));
        assertThat(written.get("d")).isEqualTo(run("d"));
    }

    @Test
    void givenARunWrittenAgain_whenRemembered_thenItsNewDocumentReplacesTheOldOneInTheBound() {
        written.remember("a", run("a"), 3);
        written.remember("a", run("a again"), 10);

        assertThat(written.get("a")).isEqualTo(run("a again"));
        assertThat(written.size()).isEqualTo(1);
    }

    @Test
    void givenARunWiderThanTheBound_whenRemembered_thenItIsNotKeptAndItsOlderDocumentIsForgotten() {
        written.remember("wide", run("narrow at first"), 1);

        written.remember("wide", run("wide"), 12);

        assertThat(written.get("wide")).isNull();
    }

    @Test
    void givenRememberedRuns_whenSomeAreForgotten_thenTheirPlaceIsFreeForOthers() {
        written.remember("a", run("a"), 5);
        written.remember("b", run("b"), 5);

        written.forget(List.of("a"));
        assertThat(written.get("a")).isNull();
        written.remember("c", run("c"), 5);

        assertThat(written.get("b")).isEqualTo(run("b"));
        assertThat(written.get("c")).isEqualTo(run("c"));
    }

    private static Document run(String name) {
        return new Document("_id", name).append("workflowName", name);
    }
}
