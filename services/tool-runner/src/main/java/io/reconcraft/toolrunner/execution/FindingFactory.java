package io.reconcraft.toolrunner.execution;

import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import lombok.RequiredArgsConstructor;

/**
 * Builds findings whose fingerprint (and id) depend only on tool, target, port and title, so the
 * same issue on the same target looks the same in every run and can be compared across runs.
 */
@RequiredArgsConstructor
public final class FindingFactory {

    private final String tool;

    public Finding finding(Severity severity, String title, String description, String service, Integer port,
                           String target, Map<String, Object> metadata) {
        String fingerprint = sha256Hex(tool + "|" + target + "|" + (port == null ? "" : port) + "|" + title);
        return new Finding(tool + "-" + fingerprint.substring(0, 16), severity, title, description, service, port,
                target, tool, fingerprint, metadata);
    }

    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
