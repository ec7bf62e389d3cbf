package io.reconcraft.launcher.mongo;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExcludedFieldsTest {

    @Test
    void givenAProjectionLeavingOutTopLevelFields_whenRead_thenThoseAreTakenOutOfADocumentAndNothingElse() {
        ExcludedFields excluded = ExcludedFields.of(new Document("steps", 0).append("log", false).append("_id", 0L));
        Document run = new Document("_id", "r1").append("status", "running").append("steps", List.of())
                .append("log", List.of("x"));

        Document shown = excluded.takenOutOf(run);

        assertThat(shown).isSameAs(run).isEqualTo(new Document("status", "running"));
    }

    @Test
    void givenProjectionsThatKeepOrShapeFields_whenRead_thenTheyAreLeftToTheLibrary() {
        assertThat(ExcludedFields.of(null)).isNull();
        assertThat(ExcludedFields.of(new Document())).isNull();
        assertThat(ExcludedFields.of(new Document("status", 1))).isNull();
        assertThat(ExcludedFields.of(new Document("steps", 0).append("status", true))).isNull();
        assertThat(ExcludedFields.of(new Document("steps.logs", 0))).isNull();
        assertThat(ExcludedFields.of(new Document("steps", new Document("$slice", 2)))).isNull();
        assertThat(ExcludedFields.of(new Document("$natural", 0))).isNull();
    }
}
