package io.reconcraft.audit.chain;

import java.util.List;

/**
 * A signed checkpoint of the chain: its newest record ({@code headSequence}, {@code headHash}) and where it
 * begins ({@code tailSequence}, and the {@code previousHash} that record carries). Kept outside the database
 * (on a compacted topic), so that deleting the newest records or a prefix of the chain is found: the stored
 * chain must reach the anchored head and begin at the anchored tail. Only retention moves the tail.
 */
public record Anchor(long headSequence, String headHash, long tailSequence, String tailPreviousHash,
                     long issuedAtMillis, String signature) {

    /** The chain before its first record: nothing stored, starting from the genesis hash at sequence 1. */
    static Anchor genesis() {
        return new Anchor(0, RecordHash.GENESIS, 1, RecordHash.GENESIS, 0, null);
    }

    String signedText() {
        return CanonicalJson.of(List.of(headSequence, headHash, tailSequence, tailPreviousHash, issuedAtMillis));
    }

    Anchor signedWith(RecordHash keys) {
        return new Anchor(headSequence, headHash, tailSequence, tailPreviousHash, issuedAtMillis, keys.sign(signedText()));
    }

    boolean isSignedWith(RecordHash keys) {
        return signature != null && java.security.MessageDigest.isEqual(
                keys.sign(signedText()).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    Anchor withHead(long sequence, String hash, long now) {
        return new Anchor(sequence, hash, tailSequence, tailPreviousHash, now, null);
    }

    Anchor withTail(long sequence, String previousHash, long now) {
        return new Anchor(headSequence, headHash, sequence, previousHash, now, null);
    }

    boolean isEmptyChain() {
        return tailSequence > headSequence;
    }
}
