package io.reconcraft.messaging;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Bulk writes in which a document already stored (written before a redelivery, or by another instance meanwhile) is
 * no failure: the stores insert or upsert a poll's documents in one unordered write and read the driver's error here.
 */
public final class DuplicateKeys {

    private DuplicateKeys() {
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
