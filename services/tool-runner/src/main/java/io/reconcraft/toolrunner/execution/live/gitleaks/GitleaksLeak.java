package io.reconcraft.toolrunner.execution.live.gitleaks;

/**
 * One leak of a gitleaks report, with the secret already redacted: the full secret never leaves the
 * parser (nor does the matched text or the line around it, which contain it too).
 *
 * @param secretFingerprint the secret's keyed hash ({@link SecretHasher}), published as {@code secretHash}; null when
 *                          the report gave no secret
 */
public record GitleaksLeak(String rule, String description, String file, Integer line, String commit,
                           String redactedSecret, String secretFingerprint) {

    static final String REDACTED = "…REDACTED";

    public GitleaksLeak(String rule, String description, String file, Integer line, String commit, String redactedSecret) {
        this(rule, description, file, line, commit, redactedSecret, null);
    }

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
