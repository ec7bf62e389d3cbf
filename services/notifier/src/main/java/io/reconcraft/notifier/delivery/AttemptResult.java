package io.reconcraft.notifier.delivery;

import java.time.Duration;

/**
 * What one webhook call came to. {@code httpStatus} is 0 when no answer arrived; {@code reason} is fit to
 * show (never the URL); {@code retryAfter} is the server's own wait, when it asked for one.
 */
public record AttemptResult(Kind kind, int httpStatus, String reason, Duration retryAfter) {

    public enum Kind {
        DELIVERED,
        /** Worth trying again: network error, timeout, 5xx, 408, 429. */
        TRANSIENT,
        /** Trying again cannot help: other 4xx, redirects, a refused URL. */
        PERMANENT
    }

    public static AttemptResult delivered(int httpStatus) {
        return new AttemptResult(Kind.DELIVERED, httpStatus, "HTTP " + httpStatus, null);
    }

    public static AttemptResult transientFailure(int httpStatus, String reason, Duration retryAfter) {
        return new AttemptResult(Kind.TRANSIENT, httpStatus, reason, retryAfter);
    }

    public static AttemptResult permanentFailure(int httpStatus, String reason) {
        return new AttemptResult(Kind.PERMANENT, httpStatus, reason, null);
    }

    public boolean delivered() {
        return kind == Kind.DELIVERED;
    }
}
