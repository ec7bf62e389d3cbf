package io.reconcraft.notifier.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.reconcraft.events.FindingsUpdated;
import io.reconcraft.notifier.onlynew.OnlyNewProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The {@code findingChanges} collection: the newest FindingsUpdated of each run's node, as the findings service
 * announced it (event-carried state: the notifier never asks the findings service). One document per run and node,
 * replaced by a later sorting of the same node, so a redelivered event changes nothing.
 */
@Component
public class FindingChangesStore {

    public static final String COLLECTION = "findingChanges";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(FindingChangesStore.class);

    private final ReactiveMongoTemplate mongo;

    public FindingChangesStore(ReactiveMongoTemplate mongo, OnlyNewProperties properties) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("runId", Sort.Direction.ASC)).block(TIMEOUT);
        try {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("storedAt", Sort.Direction.ASC)
                    .expire(properties.keepChanges())).block(TIMEOUT);
        } catch (RuntimeException e) {
            // Only an old or embedded server refuses a TTL index; the documents are small, and one per run and node.
            log.warn("{}: no TTL index ({}); sortings are kept until removed by hand", COLLECTION, e.getMessage());
        }
    }

    static String idOf(String runId, String nodeId) {
        return runId + "\n" + nodeId;
    }

    /** A node's sorting as read from the topic: what {@link #saveAll} keeps. */
    public record NodeSorting(String runId, FindingsUpdated updated) {
    }

    /** {@link #save} for the sortings of a poll, in one bulk write (a later sorting of the same node wins). */
    public void saveAll(List<NodeSorting> sortings, Instant at) {
        if (sortings.isEmpty()) {
            return;
        }
        ReactiveBulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, COLLECTION);
        for (NodeSorting sorting : sortings) {
            Document doc = document(sorting.runId(), sorting.updated(), at);
            bulk.replaceOne(Query.query(where("_id").is(doc.get("_id"))), doc, FindAndReplaceOptions.options().upsert());
        }
        bulk.execute().block(TIMEOUT);
    }

    public void save(String runId, FindingsUpdated updated, Instant at) {
        mongo.save(document(runId, updated, at), COLLECTION).block(TIMEOUT);
    }

    private static Document document(String runId, FindingsUpdated updated, Instant at) {
        List<Document> changes = new ArrayList<>();
        for (FindingsUpdated.FindingChange change : updated.findings()) {
            changes.add(new Document("index", change.index()).append("findingId", change.findingId())
                    .append("change", change.change()).append("triage", change.triage()));
        }
        return new Document("_id", idOf(runId, updated.nodeId())).append("runId", runId)
                .append("nodeId", updated.nodeId()).append("stepId", updated.stepId()).append("changes", changes)
                .append("storedAt", Date.from(at));
    }

    /** The sorting of each of these nodes of the run that is known here. */
    public Map<String, List<FindingsUpdated.FindingChange>> of(String runId, Collection<String> nodeIds) {
        Map<String, List<FindingsUpdated.FindingChange>> byNode = new HashMap<>();
        if (nodeIds.isEmpty()) {
            return byNode;
        }
        List<String> ids = nodeIds.stream().map(node -> idOf(runId, node)).toList();
        List<Document> docs = mongo.find(Query.query(where("_id").in(ids)), Document.class, COLLECTION)
                .collectList().block(TIMEOUT);
        for (Document doc : docs) {
            List<FindingsUpdated.FindingChange> changes = new ArrayList<>();
            for (Document change : doc.getList("changes", Document.class, List.of())) {
                changes.add(new FindingsUpdated.FindingChange(change.getInteger("index", -1),
                        change.getString("findingId"), change.getString("change"), change.getString("triage")));
            }
            byNode.put(doc.getString("nodeId"), changes);
        }
        return byNode;
    }
}
