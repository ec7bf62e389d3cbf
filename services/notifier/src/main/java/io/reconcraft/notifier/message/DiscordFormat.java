package io.reconcraft.notifier.message;

import io.reconcraft.events.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Discord webhook body: one embed with title, description, fields and a colour for the worst severity.
 * Limits (Discord API, embed limits): title 256, description 4096, 25 fields (name 256, value 1024), and
 * 6000 characters over the whole embed. The message comes first; fields share what is left.
 */
public final class DiscordFormat {

    static final int TITLE_MAX = 256;
    static final int DESCRIPTION_MAX = 4096;
    static final int FIELDS_MAX = 25;
    static final int FIELD_NAME_MAX = 256;
    static final int FIELD_VALUE_MAX = 1024;
    static final int EMBED_TOTAL_MAX = 6000;
    private static final int MIN_FIELD_VALUE = 32;

    private DiscordFormat() {
    }

    public static Map<String, Object> body(Notification notification) {
        String title = Truncation.fit(notification.title(), TITLE_MAX);
        String description = Truncation.fit(notification.message(), DESCRIPTION_MAX);
        int left = EMBED_TOTAL_MAX - title.length() - description.length();
        List<Object> fields = new ArrayList<>();
        for (Notification.Field field : notification.fields().stream().limit(FIELDS_MAX).toList()) {
            String name = Truncation.fit(field.name(), FIELD_NAME_MAX);
            int room = Math.min(FIELD_VALUE_MAX, left - name.length());
            if (room < MIN_FIELD_VALUE) {
                break; // the message came first; facts that no longer fit are left out rather than cut to nothing
            }
            String value = Truncation.fit(field.value().isEmpty() ? "-" : field.value(), room);
            left -= name.length() + value.length();
            fields.add(Map.of("name", name, "value", value, "inline", true));
        }
        Map<String, Object> embed = new LinkedHashMap<>();
        embed.put("title", title);
        embed.put("description", description);
        embed.put("color", colour(notification.worstSeverity().orElse(null)));
        if (!fields.isEmpty()) {
            embed.put("fields", fields);
        }
        return Map.of("embeds", List.of(embed));
    }

    /** Discord's own palette: green when nothing was found, then yellow, orange, red and dark red. */
    static int colour(Severity worst) {
        if (worst == null) {
            return 0x2ECC71;
        }
        return switch (worst) {
            case LOW -> 0xF1C40F;
            case MEDIUM -> 0xE67E22;
            case HIGH -> 0xE74C3C;
            case CRITICAL -> 0x992D22;
        };
    }
}
