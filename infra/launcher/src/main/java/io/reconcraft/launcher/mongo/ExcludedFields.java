package io.reconcraft.launcher.mongo;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;

/**
 * A projection that only leaves out top-level fields ({@code {logs: 0, internal: false}}), as the services' views
 * without their internal fields ask: those fields are taken out of a document the query decoded for itself, where the
 * library's projection first copies the whole document deeply and then takes them out of the copy.
 */
record ExcludedFields(List<String> names) {

    /** The fields {@code projection} leaves out when that is all it does; null for every other projection. */
    static ExcludedFields of(Document projection) {
        if (projection == null || projection.isEmpty()) {
            return null;
        }
        for (Map.Entry<String, Object> field : projection.entrySet()) {
            String name = field.getKey();
            if (name.isEmpty() || name.indexOf('.') >= 0 || name.charAt(0) == '$' || !excludes(field.getValue())) {
                return null;
            }
        }
        return new ExcludedFields(List.copyOf(projection.keySet()));
    }

    private static boolean excludes(Object value) {
        return Boolean.FALSE.equals(value) || value instanceof Number number && number.doubleValue() == 0;
    }

    /** The document, changed in place: only for a document no one else holds. */
    Document takenOutOf(Document document) {
        names.forEach(document::remove);
        return document;
    }
}
