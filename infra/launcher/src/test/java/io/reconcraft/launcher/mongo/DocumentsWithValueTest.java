package io.reconcraft.launcher.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An index holds one document under a value without a map, and every further one as before: in the order they came. */
class DocumentsWithValueTest {

    private final FieldIndex index = new FieldIndex("status", List.of(new IndexKey("status", true)), false);

    @Test
    void givenOneDocumentWithAValue_whenItIsRemovedAndAnotherTakesTheValue_thenTheValueFindsOnlyTheOther() {
        index.add(new Document("_id", "a").append("status", "queued"), 7, null);

        index.remove(new Document("_id", "a").append("status", "queued"));
        index.add(new Document("_id", "b").append("status", "queued"), 9, null);

        assertThat(index.getPositions(new Document("status", "queued"))).containsExactly(9);
        assertThat(index.count("queued")).isEqualTo(1);
        assertThat(index.getPosition(new Document("_id", "b"))).isEqualTo(9);
        assertThat(index.getPosition(new Document("_id", "a"))).isNull();
    }

    @Test
    void givenThreeDocumentsWithOneValue_whenTheFirstIsRemoved_thenTheOthersStayInTheOrderTheyCame() {
        index.add(new Document("_id", "a").append("status", "done"), 1, null);
        index.add(new Document("_id", "b").append("status", "done"), 2, null);
        index.add(new Document("_id", "c").append("status", "done"), 3, null);

        index.remove(new Document("_id", "a").append("status", "done"));

        assertThat(index.getPositions(new Document("status", "done"))).containsExactly(2, 3);
        assertThat(index.positionsInOrder(true)).containsExactly(2, 3);
        assertThat(index.candidates(new Document("status", new Document("$in", List.of("done", "queued"))), 10))
                .isEqualTo(2);
    }

    @Test
    void givenADocumentWhosePositionMoved_whenItIsAddedAgainUnderItsValue_thenTheValueHoldsItOnceAtTheNewPosition() {
        index.add(new Document("_id", "a").append("status", "done"), 1, null);

        index.updateInPlace(new Document("_id", "a").append("status", "done"),
                new Document("_id", "a").append("status", "done"), 5, null);

        assertThat(index.getPositions(new Document("status", "done"))).containsExactly(5);
        assertThat(index.getCount()).isEqualTo(1);
    }

    @Test
    void givenValuesOfOneAndOfManyDocuments_whenWalkedInKeyOrder_thenEachDocumentComesOnceUnderItsValue() {
        index.add(new Document("_id", "a").append("status", "b-running"), 1, null);
        index.add(new Document("_id", "b").append("status", "a-done"), 2, null);
        index.add(new Document("_id", "c").append("status", "a-done"), 3, null);
        index.add(new Document("_id", "d"), 4, null);

        assertThat(index.positionsInOrder(true)).containsExactly(4, 2, 3, 1);
        assertThat(index.positionsInOrder(false)).containsExactly(1, 2, 3, 4);
        assertThat(index.getPositions(new Document("status", new Document("$gte", "a-done")))).containsExactly(2, 3, 1);
    }
}
