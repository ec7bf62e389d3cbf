package io.reconcraft.notifier.message;

/** Cuts text to a platform's limit so that the reader can see it was cut. */
public final class Truncation {

    public static final String MARK = "… (truncated)";

    private Truncation() {
    }

    /** {@code text} itself when it fits in {@code max} characters, else its start followed by {@link #MARK}. */
    public static String fit(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        if (max <= MARK.length()) {
            return MARK.substring(0, Math.max(0, max));
        }
        int cut = max - MARK.length();
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--; // never split a character made of two chars
        }
        return text.substring(0, cut) + MARK;
    }
}
