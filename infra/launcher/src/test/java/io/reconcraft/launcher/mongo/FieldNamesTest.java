package io.reconcraft.launcher.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldNamesTest {

    private final FieldNames names = new FieldNames();

    @Test
    void givenTwoDocumentsDecodedApart_whenCanonicalized_thenTheyShareEveryFieldName() {
        Document first = run(new String("status"), new String("nodeId"));
        Document second = run(new String("status"), new String("nodeId"));

        names.canonicalize(first);
        names.canonicalize(second);

        assertThat(keyOf(second, 0)).isSameAs(keyOf(first, 0));
        Document firstStep = (Document) ((List<?>) first.get("steps")).get(0);
        Document secondStep = (Document) ((List<?>) second.get("steps")).get(0);
        assertThat(keyOf(secondStep, 0)).isSameAs(keyOf(firstStep, 0));
    }

    @Test
    void givenADocument_whenCanonicalized_thenItsFieldsKeepTheirOrderAndValues() {
        Document document = run(new String("status"), new String("nodeId"));
        Document copy = document.cloneDeeply();

        names.canonicalize(document);

        assertThat(document).isEqualTo(copy);
        assertThat(new ArrayList<>(document.keySet())).containsExactly("status", "error", "steps");
        assertThat(document.get("error")).isNull();
    }

    @Test
    void givenAFullTable_whenANewNameArrives_thenItIsLeftAsItIs() {
        FieldNames small = new FieldNames(1);
        String kept = small.canonical(new String("status"));

        String other = new String("nodeId");

        assertThat(small.canonical(other)).isSameAs(other);
        assertThat(small.canonical(new String("status"))).isSameAs(kept);
    }

    @Test
    void givenALongName_whenCanonicalized_thenItIsNotKept() {
        String longName = "x".repeat(FieldNames.MAX_LENGTH + 1);

        names.canonical(longName);

        String again = new String(longName);
        assertThat(names.canonical(again)).isSameAs(again);
    }

    /** A run as decoded from BSON: every key its own string object. */
    private static Document run(String status, String nodeId) {
        Document step = new Document(nodeId, "scan");
        step.put(new String("status"), "succeeded");
        Document run = new Document(status, "succeeded");
        run.put(new String("error"), null);
        run.put(new String("steps"), new ArrayList<>(Arrays.asList(step)));
        return run;
    }

    private static String keyOf(Document document, int index) {
        return new ArrayList<>(document.keySet()).get(index);
    }
}
