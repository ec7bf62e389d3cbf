package io.reconcraft.events;

/** Someone changed the triage of a stored finding; {@code by} is the caller's key id, never a secret. */
public record FindingTriaged(String findingId, String fingerprint, String previousTriage, String triage, String note,
                             String by) implements EventPayload {
}
