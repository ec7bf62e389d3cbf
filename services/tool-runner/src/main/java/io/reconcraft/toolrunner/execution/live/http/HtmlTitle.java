package io.reconcraft.toolrunner.execution.live.http;

import java.util.Locale;

/**
 * The text of a page's first {@code <title>}, found in linear time: one lower-cased copy and three forward
 * searches, where {@code <title[^>]*>(.*?)</title} (DOTALL) re-scans the rest of the body from every
 * {@code <title} it sees — quadratic on a hostile body of many unclosed titles.
 * Same answer as that pattern: if the first {@code <title} has no {@code >} and {@code </title} after it,
 * no later one has either.
 */
final class HtmlTitle {

    static final int MAX_CHARS = 200;

    private HtmlTitle() {
    }

    static String of(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        if (lower.length() != html.length()) {
            lower = asciiLowerCase(html); // a few characters change length when lower-cased; indexes must stay aligned
        }
        int open = lower.indexOf("<title");
        if (open < 0) {
            return null;
        }
        int start = lower.indexOf('>', open + 6);
        if (start < 0) {
            return null;
        }
        int end = lower.indexOf("</title", start + 1);
        if (end < 0) {
            return null;
        }
        String text = collapseWhitespace(html.substring(start + 1, end));
        return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) + "…" : text;
    }

    private static String asciiLowerCase(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] = (char) (chars[i] + 32);
            }
        }
        return new String(chars);
    }

    private static String collapseWhitespace(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS * 2));
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
