package io.reconcraft.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import java.util.List;
import java.util.Set;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

class DuplicateKeysTest {

    @Test
    void givenABulkWriteRefusedOnlyForStoredKeys_whenRead_thenItIsNoFailureAndNamesTheRefusedPositions() {
        MongoBulkWriteException error = bulkError(duplicate(1), duplicate(3));

        assertThat(DuplicateKeys.only(new DuplicateKeyException("translated by Spring", error))).isTrue();
        assertThat(DuplicateKeys.refused(error)).containsExactly(1, 3);
    }

    @Test
    void givenABulkWriteWithAnotherFailure_whenRead_thenItIsAFailure() {
        MongoBulkWriteException error = bulkError(duplicate(0), new BulkWriteError(121, "document failed validation",
                new BsonDocument(), 2));

        assertThat(DuplicateKeys.only(error)).isFalse();
        assertThatThrownBy(() -> DuplicateKeys.refused(error)).isSameAs(error);
    }

    @Test
    void givenAnErrorThatIsNoBulkWrite_whenRead_thenItIsAFailure() {
        assertThat(DuplicateKeys.only(new IllegalStateException("timeout"))).isFalse();
    }

    private static BulkWriteError duplicate(int index) {
        return new BulkWriteError(11000, "E11000 duplicate key error", new BsonDocument(), index);
    }

    private static MongoBulkWriteException bulkError(BulkWriteError... errors) {
        return new MongoBulkWriteException(BulkWriteResult.unacknowledged(), List.of(errors), null,
                new ServerAddress("127.0.0.1", 27017), Set.of());
    }
}
