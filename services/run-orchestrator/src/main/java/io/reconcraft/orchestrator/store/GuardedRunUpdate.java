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
 * One guarded {@code findAndModify} of a run document, returning the run as it left it. The guards and updates of
 * {@link RunStore} and {@link TaskStore} name stored fields by their own paths ({@code steps.2.tasks.0.status}) and
 * hold plain values, so they go to the driver as written: the template's query and update mappers resolved every
 * positional path against {@code RunDocument}'s properties on each transition (2 % of the stack's CPU in a profile,
 * 2026-12-05) to change nothing. Only the values are converted, each as its own type (an {@link java.time.Instant}
 * becomes a date, a record a document, no type hints), and the run's id as the template stores it.
 */
final class GuardedRunUpdate {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final FindOneAndUpdateOptions RETURN_NEW = new FindOneAndUpdateOptions()
            .returnDocument(ReturnDocument.AFTER);
    private static final String ID = "_id";
    private static final String SET = "$set";
    private static final String UNSET = "$unset";

    private GuardedRunUpdate() {
    }

    /** The run as the update left it, or null when the guard matched nothing. */
    static RunDocument apply(ReactiveMongoTemplate mongo, Criteria guard, Update update) {
        MongoConverter converter = mongo.getConverter();
        Document filter = converted(converter, guard.getCriteriaObject());
        Document changes = withoutNulls(converted(converter, update.getUpdateObject()));
        Document written = mongo.getCollection(RunDocument.COLLECTION)
                .flatMap(runs -> Mono.from(runs.findOneAndUpdate(filter, changes, RETURN_NEW)))
                .block(TIMEOUT);
        return written == null ? null : converter.read(RunDocument.class, written);
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
