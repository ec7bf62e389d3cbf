package io.reconcraft.audit.chain;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer of a verification. {@code checked}: records found intact, in sequence order, before the first
 * broken one (all of them when valid). {@code anchorSequence}/{@code anchorHash}: where verification began,
 * the oldest record still stored and the hash it names as its predecessor (see {@link ChainVerifier}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerification(
        boolean valid,
        long checked,
        Long anchorSequence,
        String anchorHash,
        Long firstBrokenSequence,
        String eventId,
        String reason) {

    static ChainVerification intact(long checked, Long anchorSequence, String anchorHash) {
        return new ChainVerification(true, checked, anchorSequence, anchorHash, null, null, null);
    }

    static ChainVerification broken(long checked, Long anchorSequence, String anchorHash, long sequence, String eventId,
                                    String reason) {
        return new ChainVerification(false, checked, anchorSequence, anchorHash, sequence, eventId, reason);
    }
}
