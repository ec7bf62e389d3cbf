package io.reconcraft.notifier.message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Slack incoming-webhook body: Block Kit {@code blocks} (a header, a section with the message, a section of
 * fields) and {@code text}, which Slack shows in notifications and where blocks cannot be rendered.
 * Limits (Slack Block Kit reference): header text 150, section text 3000, 10 fields of 2000 each.
 */
public final class SlackFormat {

    static final int HEADER_MAX = 150;
    static final int TEXT_MAX = 3000;
    static final int FIELDS_MAX = 10;
    static final int FIELD_MAX = 2000;

    private SlackFormat() {
    }

    public static Map<String, Object> body(Notification notification) {
        String message = Truncation.fit(notification.message(), TEXT_MAX);
        List<Object> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "header", "text", plain(Truncation.fit(notification.title(), HEADER_MAX))));
        blocks.add(Map.of("type", "section", "text", markdown(message)));
        if (!notification.fields().isEmpty()) {
            List<Object> fields = notification.fields().stream().limit(FIELDS_MAX)
                    .map(f -> (Object) markdown(Truncation.fit("*" + f.name() + "*\n" + f.value(), FIELD_MAX)))
                    .toList();
            blocks.add(Map.of("type", "section", "fields", fields));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", message);
        body.put("blocks", blocks);
        return body;
    }

    private static Map<String, Object> plain(String text) {
        return Map.of("type", "plain_text", "text", text, "emoji", true);
    }

    private static Map<String, Object> markdown(String text) {
        return Map.of("type", "mrkdwn", "text", text);
    }
}
