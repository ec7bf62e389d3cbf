package io.reconcraft.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.bson.Document;

/**
 * The hash that chains a stored audit record to the one before it: SHA-256 over its sequence, the previous
 * record's hash, and what the event said (id, type, run, time, topic, masked payload), in canonical JSON.
 * Computed from the stored form, so that verification recomputes exactly what was hashed.
 */
public final class RecordHash {

    /** The {@code previousHash} of the very first record. */
    public static final String GENESIS = "0".repeat(64);

    private RecordHash() {
    }

    public static String of(Document record) {
        List<Object> hashed = new ArrayList<>(Arrays.asList(
                record.get("sequence"),
                record.getString("previousHash"),
                record.getString("_id"),
                record.getString("type"),
                record.getString("runId"),
                record.get("occurredAt"),
                record.getString("topic"),
                record.get("payload")));
        return sha256(CanonicalJson.of(hashed));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
