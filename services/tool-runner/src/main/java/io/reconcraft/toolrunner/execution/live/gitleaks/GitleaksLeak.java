package io.reconcraft.toolrunner.execution.live.gitleaks;

/**
 * One leak of a gitleaks report, with the secret already redacted: the full secret never leaves the
 * parser (nor does the matched text or the line around it, which contain it too).
 */
public record GitleaksLeak(String rule, String description, String file, Integer line, String commit,
                           String redactedSecret, String secretFingerprint) {

    static final String REDACTED = "…REDACTED";

    public GitleaksLeak(String rule, String description, String file, Integer line, String commit, String redactedSecret) {
        this(rule, description, file, line, commit, redactedSecret, null);
    }

    /**
     * Tells secrets apart without keeping them: a keyed hash with a per-process random key, so it cannot be
     * looked up or compared across runs. Used only to group one secret's reports; never published.
     */
    static String fingerprint(String secret) {
        if (secret == null || secret.isEmpty()) {
            return null;
        }
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(FINGERPRINT_KEY, "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    private static final byte[] FINGERPRINT_KEY = new java.security.SecureRandom().generateSeed(32);

    @Override
    public String toString() {
        return "GitleaksLeak[rule=" + rule + ", file=" + file + ", line=" + line + ", commit=" + commit
                + ", secret=" + redactedSecret + "]";
    }

    /** At most the first 4 characters, and never more than half of a short secret. */
    static String redact(String secret) {
        if (secret == null || secret.isEmpty()) {
            return REDACTED;
        }
        int shown = Math.min(4, secret.length() / 2);
        return secret.substring(0, shown) + REDACTED;
    }
}
