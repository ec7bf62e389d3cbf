package io.reconcraft.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.reconcraft.events.model.WireCode;

/**
 * A state-changing API call reached the gateway (allowed, denied or failed). It names who, what and from where,
 * never a secret: no keys, tokens, webhook URLs or request bodies. {@code actorKeyId} and {@code role} are null
 * when the caller could not be authenticated; {@code resource} is the id in the path when there is one.
 * {@code outcome} is one of {@code allowed | denied | failed}.
 */
public record ApiCallAudited(
        String actorKeyId,
        String role,
        String action,
        String resource,
        String clientAddress,
        Outcome outcome,
        int httpStatus) implements EventPayload {

    /** How the gateway answered the call; a code this build does not know is kept as it came. */
    public static final class Outcome extends WireCode {

        public static final Outcome ALLOWED = known(new Outcome("allowed"));
        /** Unauthenticated, forbidden or rate-limited. */
        public static final Outcome DENIED = known(new Outcome("denied"));
        public static final Outcome FAILED = known(new Outcome("failed"));

        private Outcome(String wire) {
            super(wire);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Outcome of(String wire) {
            return of(Outcome.class, wire, Outcome::new);
        }
    }
}
