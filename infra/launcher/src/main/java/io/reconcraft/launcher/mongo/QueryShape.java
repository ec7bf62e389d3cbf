package io.reconcraft.launcher.mongo;

import de.bwaldvogel.mongo.bson.Document;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What of a stored document a query needs decoded. A run of 1,000 scans is ~1 MB of BSON, and the orchestrator's
 * sweeps ask several times a second for running runs by top-level fields ({@code status}, {@code activeTasks}) and
 * take one or two of them back: decoding every candidate whole to read those was most of what the store did for
 * queries while such a run ran (2026-12-06).
 *
 * @param fields          the top-level fields that answer the query wholly — its conditions, its sort keys and the
 *                        fields an inclusion projection keeps, {@code _id} besides — when all of those are top-level;
 *                        null when the query needs whole documents
 * @param prefilter       the query's conditions on top-level fields compared as plain values, which a document must
 *                        meet before it is decoded whole (the query is the conjunction of its fields); null when none
 * @param prefilterFields the fields {@code prefilter} reads
 */
record QueryShape(Set<String> fields, Document prefilter, Set<String> prefilterFields) {

    private static final String ID = "_id";
    private static final Set<String> COMPARISONS = Set.of("$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "$in", "$nin",
            "$exists");

    static QueryShape of(Document query, Document orderBy, Document projection) {
        Document prefilter = new Document();
        boolean allPlain = true;
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            if (isPlain(condition.getKey(), condition.getValue())) {
                prefilter.put(condition.getKey(), condition.getValue());
            } else {
                allPlain = false;
            }
        }
        Set<String> fields = null;
        if (allPlain && isTopLevel(orderBy) && isTopLevelInclusion(projection)) {
            fields = new HashSet<>(query.keySet());
            if (orderBy != null) {
                fields.addAll(orderBy.keySet());
            }
            fields.addAll(projection.keySet());
            fields.add(ID);
        }
        return fields != null || prefilter.isEmpty() ? new QueryShape(fields, null, null)
                : new QueryShape(null, prefilter, Set.copyOf(prefilter.keySet()));
    }

    /** A top-level field compared as a plain value: equal to one (not an operator expression) or by comparisons. */
    private static boolean isPlain(String field, Object condition) {
        if (field.startsWith("$") || field.indexOf('.') >= 0) {
            return false;
        }
        if (!(condition instanceof Document expression) || expression.isEmpty()) {
            return true;
        }
        boolean operators = expression.keySet().stream().anyMatch(key -> key.startsWith("$"));
        if (!operators) {
            return true; // equal to that embedded document
        }
        for (Map.Entry<String, Object> operator : expression.entrySet()) {
            String name = operator.getKey();
            boolean negatedComparison = name.equals("$not") && operator.getValue() instanceof Document negated
                    && !negated.isEmpty() && COMPARISONS.containsAll(negated.keySet());
            if (!COMPARISONS.contains(name) && !negatedComparison) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTopLevel(Document orderBy) {
        return orderBy == null
                || orderBy.keySet().stream().noneMatch(key -> key.startsWith("$") || key.indexOf('.') >= 0);
    }

    /** A projection that keeps named top-level fields only ({@code _id} may be left out). */
    private static boolean isTopLevelInclusion(Document projection) {
        if (projection == null || projection.isEmpty()) {
            return false;
        }
        boolean includesAny = false;
        for (Map.Entry<String, Object> field : projection.entrySet()) {
            String name = field.getKey();
            if (name.startsWith("$") || name.indexOf('.') >= 0) {
                return false;
            }
            boolean included = field.getValue() instanceof Boolean flag ? flag
                    : field.getValue() instanceof Number number && number.doubleValue() != 0;
            if (!included && !name.equals(ID)) {
                return false;
            }
            includesAny |= included;
        }
        return includesAny;
    }
}
