package io.reconcraft.events;

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
        String outcome,
        int httpStatus) implements EventPayload {
}
