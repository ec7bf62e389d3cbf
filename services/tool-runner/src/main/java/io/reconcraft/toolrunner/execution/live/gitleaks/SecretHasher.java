package io.reconcraft.toolrunner.execution.live.gitleaks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The identity of a leaked secret without the secret: HMAC-SHA256 under a key that is not in any database or event.
 * The same secret hashes the same in every run and on every tool-runner sharing the key, so the findings service
 * follows a leak by it (API.md: gitleaks findings are identified by repository, file, rule and this hash) wherever its
 * line moves. Keyed rather than a plain SHA-256, so that whoever reads findings cannot confirm a guessed secret by
 * hashing it (short or structured tokens are guessable).
 */
public final class SecretHasher {

    static final String ALGORITHM = "HmacSHA256";
    static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;

    public SecretHasher(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the secret-hash key must be at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** A key of this process only: hashes agree within the process, never across runs of the service. */
    static SecretHasher ephemeral() {
        byte[] key = new byte[MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return new SecretHasher(key);
    }

    /** Hex HMAC of the secret; null for a missing or empty secret (gitleaks v7 may not report one). */
    public String hash(String secret) {
        if (secret == null || secret.isEmpty()) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }

    @Override
    public String toString() {
        return "SecretHasher[" + ALGORITHM + ", key hidden]";
    }
}
