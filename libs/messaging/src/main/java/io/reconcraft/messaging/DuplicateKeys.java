package io.reconcraft.messaging;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * Bulk writes in which a document already stored (written before a redelivery, or by another instance meanwhile) is
 * no failure: the stores insert or upsert a poll's documents in one unordered write and read the driver's error here.
 */
public final class DuplicateKeys {

    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

    private DuplicateKeys() {
    }

    /**
     * Inserts the documents in one unordered insert and returns the positions of those it stored: a document whose
     * {@code _id} is stored already (or comes earlier in the list) is refused, the others are stored all the same.
     * Any other failure is thrown.
     */
    public static Set<Integer> insertNew(Mono<MongoCollection<Document>> collection, List<Document> documents,
                                         Duration timeout) {
        Set<Integer> stored = IntStream.range(0, documents.size()).boxed()
                .collect(Collectors.toCollection(TreeSet::new));
        if (documents.isEmpty()) {
            return stored;
        }
        try {
            collection.flatMap(target -> Mono.from(target.insertMany(documents, UNORDERED))).block(timeout);
        } catch (MongoBulkWriteException e) {
            stored.removeAll(refused(e));
        }
        return stored;
    }

    /**
     * Whether {@code error}, or one of its causes (Spring translates the driver's errors), is a bulk write that failed
     * only because documents with those keys exist.
     */
    public static boolean only(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof MongoBulkWriteException bulk) {
                return bulk.getWriteConcernError() == null && !bulk.getWriteErrors().isEmpty()
                        && bulk.getWriteErrors().stream().allMatch(DuplicateKeys::isDuplicate);
            }
        }
        return false;
    }

    /** The positions in the batch of the documents refused as already stored; {@code error} itself when more failed. */
    public static Set<Integer> refused(MongoBulkWriteException error) {
        if (!only(error)) {
            throw error;
        }
        Set<Integer> refused = new LinkedHashSet<>();
        error.getWriteErrors().forEach(write -> refused.add(write.getIndex()));
        return refused;
    }

    private static boolean isDuplicate(BulkWriteError write) {
        return ErrorCategory.fromErrorCode(write.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
