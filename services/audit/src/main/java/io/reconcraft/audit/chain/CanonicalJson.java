package io.reconcraft.audit.chain;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * One spelling for one value, however MongoDB hands it back: object keys sorted, integral numbers
 * written the same whatever their width (an int stored may come back as a long), dates as epoch milliseconds.
 */
final class CanonicalJson {

    private CanonicalJson() {
    }

    static String of(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> entry : sorted.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                quote(entry.getKey(), out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                out.append(first ? "" : ",");
                first = false;
                write(item, out);
            }
            out.append(']');
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.append(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            out.append(d == Math.rint(d) && !Double.isInfinite(d) ? BigDecimal.valueOf(d).toBigInteger().toString()
                    : Double.toString(d));
        } else if (value instanceof Number number) {
            out.append(new BigDecimal(number.toString()).stripTrailingZeros().toPlainString());
        } else if (value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Date date) {
            out.append(date.getTime());
        } else {
            quote(value.toString(), out);
        }
    }

    /**
     * A JSON string as the event mapper writes one (records hashed before keep verifying), through the escaping
     * routine its generator uses, without building a generator for every string.
     */
    static void quote(String text, StringBuilder out) {
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(text, out);
        out.append('"');
    }
}
