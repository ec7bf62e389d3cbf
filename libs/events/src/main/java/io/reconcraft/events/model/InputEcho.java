package io.reconcraft.events.model;

/**
 * A value from the request as an error message shows it: cut to {@value #MAX_SHOWN} characters, so a problem answer
 * never echoes a huge input back (a 300,000-character node kind is still one short line).
 */
public final class InputEcho {

    public static final int MAX_SHOWN = 64;

    private InputEcho() {
    }

    /** The value in single quotes, shortened. */
    public static String quoted(Object value) {
        return "'" + shortened(value) + "'";
    }

    /** The value with NUL written as its escape and at most {@value #MAX_SHOWN} characters, ending in "...". */
    public static String shortened(Object value) {
        String text = String.valueOf(value).replace("\0", "\\u0000");
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN - 3) + "...";
    }
}
