package de.bwaldvogel.mongo.backend;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code $set} and {@code $unset} of paths that lead through existing documents and array elements, walked by their
 * dots. The library splits each path with a regular expression and compiles another for each of its segments on
 * every step down (4 % of the stack's samples at saturation, 2026-12-06); on such paths its operators come to what
 * is done here: compare with the value there ({@code $set} of an equal value changes nothing), put or remove the last
 * field, and an array element is set (to null by {@code $unset}). Any other path — one that would create documents,
 * extend an array, name an element of a non-array or the id — is left to the library, with the rest of its operator.
 */
final class PlainPathUpdates {

    private PlainPathUpdates() {
    }

    /** Applies the operator's paths to {@code document} and answers true, or changes nothing and answers false. */
    static boolean apply(Document document, UpdateOperator operator, Document paths, String idField) {
        if (operator != UpdateOperator.SET && operator != UpdateOperator.UNSET) {
            return false;
        }
        List<Place> places = new ArrayList<>(paths.size());
        for (String path : paths.keySet()) {
            Place place = path.equals(idField) ? null : Place.of(document, path);
            if (place == null) {
                return false;
            }
            places.add(place);
        }
        int i = 0;
        for (Object value : paths.values()) {
            Place place = places.get(i++);
            if (operator == UpdateOperator.SET) {
                place.set(value);
            } else {
                place.unset();
            }
        }
        return true;
    }

    /** The last field of a path, in the document or array that holds it; null when the path does not lead there. */
    private record Place(Object container, String field, int index) {

        static Place of(Document document, String path) {
            Object container = document;
            int start = 0;
            for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', start)) {
                Object next = child(container, path.substring(start, dot));
                if (!(next instanceof Document) && !(next instanceof List<?>)) {
                    return null;
                }
                container = next;
                start = dot + 1;
            }
            String field = path.substring(start);
            if (field.isEmpty()) {
                return null;
            }
            if (container instanceof List<?> list) {
                int index = index(field);
                return index >= 0 && index < list.size() ? new Place(container, field, index) : null;
            }
            return new Place(container, field, -1);
        }

        /** The value in {@code container} under {@code segment}; null where it is not there or not walked here. */
        private static Object child(Object container, String segment) {
            if (segment.isEmpty()) {
                return null;
            }
            if (container instanceof List<?> list) {
                int index = index(segment);
                return index >= 0 && index < list.size() ? list.get(index) : null;
            }
            return ((Map<?, ?>) container).get(segment);
        }

        /** A segment of ASCII digits as an index; -1 for any other. */
        private static int index(String segment) {
            if (segment.length() > 9) {
                return -1;
            }
            int index = 0;
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                index = index * 10 + (c - '0');
            }
            return index;
        }

        Object current() {
            return index >= 0 ? ((List<?>) container).get(index) : ((Document) container).getOrMissing(field);
        }

        @SuppressWarnings("unchecked")
        void set(Object value) {
            if (Utils.nullAwareEquals(value, current())) {
                return;
            }
            if (index >= 0) {
                ((List<Object>) container).set(index, value);
            } else {
                ((Document) container).put(field, value);
            }
        }

        @SuppressWarnings("unchecked")
        void unset() {
            if (index >= 0) {
                ((List<Object>) container).set(index, null);
            } else {
                ((Document) container).remove(field);
            }
        }
    }
}
