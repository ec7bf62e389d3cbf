package io.reconcraft.launcher.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An aggregation that starts with {@code $match}, answered from the collection's indexes. mongo-java-server feeds
 * every pipeline the whole collection and filters it in the {@code $match} stage, so every {@code countDocuments}
 * (which the driver sends as {@code [$match, $group]}) walked the collection: the dashboard's counts and the
 * run list's total grew with history. Here the leading match becomes a query, which uses the indexes; a plain count
 * of everything is the collection's size, and a count of one indexed field equal to one value is the index's.
 */
final class IndexedAggregation {

    private static final Document COUNT_GROUP = new Document("_id", 1).append("n", new Document("$sum", 1));

    private IndexedAggregation() {
    }

    /** The command's answer, or empty when the pipeline does not start with a plain {@code $match}. */
    static Optional<Document> answer(MongoDatabase database, MongoCollection<?> collection, String namespace,
            Document command, DatabaseResolver resolver, Oplog oplog) {
        List<Document> pipeline = Aggregation.parse(command.get("pipeline"));
        if (pipeline.isEmpty() || pipeline.get(0).size() != 1 || !(pipeline.get(0).get("$match") instanceof Document match)) {
            return Optional.empty();
        }
        List<Document> rest = pipeline.subList(1, pipeline.size());
        List<Document> result;
        Integer counted = isCount(rest) ? countWithoutMatching(collection, match) : null;
        if (counted != null) {
            result = counted == 0 ? List.of() : List.of(new Document("_id", 1).append("n", counted));
        } else {
            Aggregation stages = Aggregation.fromPipeline(rest, resolver, database, collection, oplog);
            stages.validate(command);
            Stream<Document> matched = collection.handleQueryAsStream(match);
            result = stages.runStages(matched);
        }
        Document cursor = new Document("id", 0L).append("ns", namespace).append("firstBatch", result);
        Document response = new Document("cursor", cursor);
        Utils.markOkay(response);
        return Optional.of(response);
    }

    /** A count of everything, or of one indexed field equal to one value; null when documents must be matched. */
    private static Integer countWithoutMatching(MongoCollection<?> collection, Document match) {
        if (match.isEmpty()) {
            return collection.count();
        }
        return collection instanceof JournaledCollection journaled ? journaled.countFromIndex(match) : null;
    }

    private static boolean isCount(List<Document> stages) {
        return stages.size() == 1 && COUNT_GROUP.equals(stages.get(0).get("$group"));
    }
}
