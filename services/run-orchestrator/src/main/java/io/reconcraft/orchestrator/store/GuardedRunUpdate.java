package io.reconcraft.orchestrator.store;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * One guarded {@code findAndModify} of a run document, returning the run as it left it. Each update counts itself in
 * the run's {@code revision}; when the caller knows the run as it was at some revision and the update's own is the
 * next one, nobody wrote in between, and the update is applied to that run here ({@link RunChanges}) instead of the
 * store sending back the whole run: a run of 1,000 steps is ~1 MB that every hand-over's update encoded, sent, decoded
 * and mapped again (a fifth of the stack's CPU in a 1 → 1,000 → 1 fan-out, 2026-12-06). The guards and updates of
 * {@link RunStore} and {@link TaskStore} name stored fields by their own paths ({@code steps.2.tasks.0.status}) and
 * hold plain values, so they go to the driver as written: the template's query and update mappers resolved every
 * positional path against {@code RunDocument}'s properties on each transition (2 % of the stack's CPU in a profile,
 * 2026-12-05) to change nothing. Only the values are converted, each as its own type (an {@link java.time.Instant}
 * becomes a date, a record a document, no type hints), and the run's id as the template stores it.
 */
final class GuardedRunUpdate {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String REVISION = "revision";
    private static final FindOneAndUpdateOptions RETURN_NEW = new FindOneAndUpdateOptions()
            .returnDocument(ReturnDocument.AFTER);
    private static final FindOneAndUpdateOptions RETURN_REVISION = new FindOneAndUpdateOptions()
            .returnDocument(ReturnDocument.AFTER).projection(new Document(REVISION, 1));
    private static final String ID = "_id";
    private static final String INC = "$inc";
    private static final String SET = "$set";
    private static final String UNSET = "$unset";

    private GuardedRunUpdate() {
    }

    /**
     * The run as the update left it, or null when the guard matched nothing; {@code before} is the run as the caller
     * last knew it (null when it knows none), which spares the store sending the run back when nobody else wrote
     * since.
     */
    static RunDocument apply(ReactiveMongoTemplate mongo, Criteria guard, Update update, RunDocument before) {
        MongoConverter converter = mongo.getConverter();
        Document filter = converted(converter, guard.getCriteriaObject());
        Document changes = withoutNulls(converted(converter, update.getUpdateObject()));
        Document counted = counted(changes);
        if (before == null) {
            Document written = modify(mongo, filter, counted, RETURN_NEW);
            return written == null ? null : converter.read(RunDocument.class, written);
        }
        Document revision = modify(mongo, filter, counted, RETURN_REVISION);
        if (revision == null) {
            return null;
        }
        RunDocument applied = revision.get(REVISION) instanceof Number written
                && written.longValue() == before.revision() + 1 ? RunChanges.applied(converter, before, counted) : null;
        return applied != null ? applied : read(mongo, filter.get(ID));
    }

    private static Document modify(ReactiveMongoTemplate mongo, Document filter, Document changes,
                                   FindOneAndUpdateOptions options) {
        return mongo.getCollection(RunDocument.COLLECTION)
                .flatMap(runs -> Mono.from(runs.findOneAndUpdate(filter, changes, options)))
                .block(TIMEOUT);
    }

    /** The run as stored now: it holds the update just made and whatever another writer made around it. */
    private static RunDocument read(ReactiveMongoTemplate mongo, Object id) {
        Document run = mongo.getCollection(RunDocument.COLLECTION)
                .flatMap(runs -> Mono.from(runs.find(new Document(ID, id)).first()))
                .block(TIMEOUT);
        return run == null ? null : mongo.getConverter().read(RunDocument.class, run);
    }

    /** The changes with the update counted in the run's revision. */
    private static Document counted(Document changes) {
        Document counted = new Document(changes);
        Document increments = changes.get(INC) instanceof Document inc ? new Document(inc) : new Document();
        increments.put(REVISION, 1);
        counted.put(INC, increments);
        return counted;
    }

    private static Document converted(MongoConverter converter, Document document) {
        Document converted = new Document();
        for (Map.Entry<String, Object> field : document.entrySet()) {
            converted.put(field.getKey(), field.getKey().equals(ID)
                    ? converter.convertId(field.getValue(), ObjectId.class)
                    : value(converter, field.getValue()));
        }
        return converted;
    }

    /**
     * The changes with every field set to null unset instead, and no null field in a document set whole: a run reads
     * a missing field as null and every guard's {@code null} matches a missing field, while a run of 1,000 steps
     * held 9,000 null fields of 29,000 (cleared deadlines, outcomes and errors) that every hand-over's update decoded,
     * encoded, sent back and mapped again. Elements of arrays are kept as they are.
     */
    private static Document withoutNulls(Document changes) {
        Document result = new Document();
        Document unset = new Document();
        changes.forEach((operator, paths) -> {
            if (operator.equals(UNSET)) {
                unset.putAll((Document) paths);
                return;
            }
            Document kept = new Document();
            ((Document) paths).forEach((path, value) -> {
                if (value == null && operator.equals(SET)) {
                    unset.put(path, "");
                } else {
                    kept.put(path, withoutNullFields(value));
                }
            });
            if (!kept.isEmpty()) {
                result.put(operator, kept);
            }
        });
        if (!unset.isEmpty()) {
            result.put(UNSET, unset);
        }
        return result;
    }

    private static Object withoutNullFields(Object value) {
        if (value instanceof Document document) {
            Document kept = new Document();
            document.forEach((field, fieldValue) -> {
                if (fieldValue != null) {
                    kept.put(field, withoutNullFields(fieldValue));
                }
            });
            return kept;
        }
        if (value instanceof List<?> list) {
            List<Object> kept = new ArrayList<>(list.size());
            list.forEach(element -> kept.add(withoutNullFields(element)));
            return kept;
        }
        return value;
    }

    private static Object value(MongoConverter converter, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Document document) {
            return converted(converter, document);
        }
        if (value instanceof List<?> list) {
            List<Object> converted = new ArrayList<>(list.size());
            list.forEach(element -> converted.add(value(converter, element)));
            return converted;
        }
        return converter.convertToMongoType(value, TypeInformation.of(value.getClass()));
    }
}
