package io.reconcraft.audit.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Map keys BSON cannot store as they are (a NUL ends a BSON key; a leading {@code $} or a {@code .} is refused or
 * misread by MongoDB) are percent-escaped, so the record is stored rather than lost. Escaping is reversible:
 * when a payload needs it, {@code %} is escaped too, in every key of that payload, and the record says so.
 */
final class KeyEscaper {

    private KeyEscaper() {
    }

    static boolean needsEscaping(Object value) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (refused(String.valueOf(entry.getKey())) || needsEscaping(entry.getValue())) {
                    return true;
                }
            }
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                if (needsEscaping(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    static Object escapeKeys(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> escaped = new LinkedHashMap<>();
            map.forEach((key, inner) -> escaped.put(escape(String.valueOf(key)), escapeKeys(inner)));
            return escaped;
        }
        if (value instanceof List<?> list) {
            List<Object> escaped = new ArrayList<>(list.size());
            list.forEach(item -> escaped.add(escapeKeys(item)));
            return escaped;
        }
        return value;
    }

    static boolean refused(String key) {
        return key.indexOf('\0') >= 0 || key.indexOf('.') >= 0 || key.startsWith("$");
    }

    static String escape(String key) {
        StringBuilder out = new StringBuilder(key.length() + 8);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            switch (c) {
                case '%' -> out.append("%25");
                case '\0' -> out.append("%00");
                case '.' -> out.append("%2E");
                case '$' -> out.append("%24");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
