package io.reconcraft.orchestrator.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * A run's update, as {@link GuardedRunUpdate} sends it ({@code $set}, {@code $unset}, {@code $inc} and {@code $push}
 * on plain paths, values in their stored form), applied here to the run it was applied to in the store: the run as
 * the update left it without the store sending it back. Only the steps the update names are converted, so a change to
 * one step of a run of 1,000 costs what that step costs. Anything else makes it give up (null), for the caller to
 * read the run instead.
 */
final class RunChanges {

    private static final Logger log = LoggerFactory.getLogger(RunChanges.class);
    private static final String STEPS = "steps";

    private RunChanges() {
    }

    /**
     * {@code changes} applied to {@code run}; null when they hold anything this does not apply, or when applying them
     * fails: the store has the update already, and the caller reading the run back must not be kept from it.
     */
    static RunDocument applied(MongoConverter converter, RunDocument run, Document changes) {
        try {
            return appliedOrNull(converter, run, changes);
        } catch (RuntimeException failed) {
            log.warn("run {}: its update could not be applied here, the run is read instead: {}", run.id(),
                    failed.toString());
            return null;
        }
    }

    private static RunDocument appliedOrNull(MongoConverter converter, RunDocument run, Document changes) {
        Document head = stored(converter, run.withSteps(List.of()));
        Map<Integer, Document> steps = new HashMap<>();
        for (Map.Entry<String, Object> operation : changes.entrySet()) {
            for (Map.Entry<String, Object> change : ((Document) operation.getValue()).entrySet()) {
                String[] path = change.getKey().split("\\.");
                if (!path[0].equals(STEPS)) {
                    if (!apply(operation.getKey(), head, path, 0, change.getValue())) {
                        return null;
                    }
                    continue;
                }
                int index = path.length < 2 ? -1 : indexOf(path[1], run.steps().size());
                if (index < 0 || path.length == 2 && !operation.getKey().equals("$set")) {
                    return null;
                }
                if (path.length == 2) {
                    if (!(change.getValue() instanceof Document step)) {
                        return null;
                    }
                    steps.put(index, step);
                } else if (!apply(operation.getKey(),
                        steps.computeIfAbsent(index, i -> stored(converter, run.steps().get(i))), path, 2,
                        change.getValue())) {
                    return null;
                }
            }
        }
        List<StepDocument> changed = new ArrayList<>(run.steps());
        steps.forEach((index, step) -> changed.set(index, converter.read(StepDocument.class, step)));
        return converter.read(RunDocument.class, head).withSteps(changed);
    }

    private static Document stored(MongoConverter converter, Object value) {
        Document document = new Document();
        converter.write(value, document);
        return document;
    }

    /** Applies one operator's change of the path from {@code path[from]} on, inside {@code root}. */
    private static boolean apply(String operator, Document root, String[] path, int from, Object value) {
        Object parent = root;
        for (int i = from; i < path.length - 1; i++) {
            Object next = child(parent, path[i]);
            if (next == null) {
                if (operator.equals("$unset")) {
                    return true;
                }
                if (!(parent instanceof Document document)) {
                    return false;
                }
                next = new Document();
                document.put(path[i], next);
            }
            parent = next;
        }
        String last = path[path.length - 1];
        return switch (operator) {
            case "$set" -> put(parent, last, value);
            case "$unset" -> unset(parent, last);
            case "$inc" -> incremented(parent, last, value);
            case "$push" -> pushed(parent, last, value);
            default -> false;
        };
    }

    private static boolean incremented(Object parent, String field, Object value) {
        Object current = child(parent, field);
        if (current != null && !(current instanceof Number) || !(value instanceof Number increment)) {
            return false;
        }
        return put(parent, field, sum((Number) current, increment));
    }

    private static boolean pushed(Object parent, String field, Object value) {
        Object current = child(parent, field);
        if (current != null && !(current instanceof List<?>) || value instanceof Document modifiers
                && modifiers.keySet().stream().anyMatch(key -> key.startsWith("$"))) {
            return false;
        }
        List<Object> list = current == null ? new ArrayList<>() : new ArrayList<>((List<?>) current);
        list.add(value);
        return put(parent, field, list);
    }

    private static Object child(Object parent, String field) {
        if (parent instanceof Document document) {
            return document.get(field);
        }
        if (parent instanceof List<?> list) {
            int index = indexOf(field, list.size());
            return index < 0 ? null : list.get(index);
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static boolean put(Object parent, String field, Object value) {
        if (parent instanceof Document document) {
            document.put(field, value);
            return true;
        }
        int index = parent instanceof List<?> list ? indexOf(field, list.size()) : -1;
        if (index < 0) {
            return false;
        }
        ((List<Object>) parent).set(index, value);
        return true;
    }

    private static boolean unset(Object parent, String field) {
        if (parent instanceof Document document) {
            document.remove(field);
            return true;
        }
        return parent instanceof List<?> && put(parent, field, null);
    }

    private static Number sum(Number current, Number increment) {
        if (current == null) {
            return increment;
        }
        if (current instanceof Integer a && increment instanceof Integer b) {
            return Math.addExact(a, b);
        }
        if (current instanceof Double || increment instanceof Double) {
            return current.doubleValue() + increment.doubleValue();
        }
        return current.longValue() + increment.longValue();
    }

    /** The array index {@code field} names within {@code size} elements, or -1. */
    private static int indexOf(String field, int size) {
        if (field.isEmpty() || field.length() > 9 || !field.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        int index = Integer.parseInt(field);
        return index < size ? index : -1;
    }
}
