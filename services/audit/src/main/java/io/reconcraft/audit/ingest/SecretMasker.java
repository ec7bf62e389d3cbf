package io.reconcraft.audit.ingest;

import io.reconcraft.audit.config.AuditProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Replaces the value of every secret-named key, at any depth of maps and lists, with {@code ***}. */
@Component
public class SecretMasker {

    static final String MASK = "***";

    private final Set<String> maskedKeys;

    public SecretMasker(AuditProperties properties) {
        this.maskedKeys = properties.maskedKeysLowerCase();
    }

    public Object mask(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> masked = new LinkedHashMap<>();
            map.forEach((key, inner) -> {
                String name = String.valueOf(key);
                boolean secret = inner != null && maskedKeys.contains(name.toLowerCase(Locale.ROOT));
                masked.put(name, secret ? MASK : mask(inner));
            });
            return masked;
        }
        if (value instanceof List<?> list) {
            List<Object> masked = new ArrayList<>(list.size());
            list.forEach(inner -> masked.add(mask(inner)));
            return masked;
        }
        return value;
    }
}
