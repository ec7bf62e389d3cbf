package io.reconcraft.findings.sorting;

import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.NodeKind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identity of a finding across runs: a SHA-256 of the tool, the kind of finding and its identifying fields
 * (API.md). Wording, severity and evidence may change between runs; the fingerprint does not. It never holds a
 * secret: gitleaks findings are identified by repository, file, rule and a hash of the secret when the tool-runner
 * sends one ({@code secretHash}), else the line.
 */
public final class Fingerprints {

    private static final Pattern PORT_NAME = Pattern.compile("\\b(\\d{1,5})/(tcp|udp|sctp)\\b");

    private Fingerprints() {
    }

    /** The tool's name for the kind of finding, and the fields that identify it. */
    public record Identity(String kind, String host, Integer port, String protocol, String url, String check) {
    }

    public static String of(Finding finding) {
        return sha256(String.join("|", tool(finding), identityKey(finding)));
    }

    static String identityKey(Finding finding) {
        Identity id = identity(finding);
        return String.join("|", id.kind(), nullToEmpty(id.host()), id.port() == null ? "" : id.port().toString(),
                nullToEmpty(id.protocol()), nullToEmpty(id.url()), nullToEmpty(id.check()));
    }

    public static Identity identity(Finding finding) {
        Map<String, Object> meta = finding.metadata();
        String title = nullToEmpty(finding.title());
        switch (NodeKind.fromWire(tool(finding)).orElse(NodeKind.PARSER)) {
            case NMAP -> {
                String host = finding.target();
                String protocol = protocol(title);
                if (meta.get("id") != null) {
                    return new Identity("vulnerability", host, finding.port(), protocol, null, text(meta.get("id"), ""));
                }
                if (title.startsWith("Open port")) {
                    return new Identity("open-port", host, finding.port(), protocol, null, null);
                }
                String check = meta.get("risk") != null ? text(meta.get("risk"), "") : checkOf(title);
                return new Identity("service-risk", host, finding.port(), protocol, null, check);
            }
            case HTTP_PROBE -> {
                String url = origin(text(meta.get("url"), finding.target()));
                String check = checkOf(title);
                if (meta.get("header") != null) {
                    check = check + ":" + text(meta.get("header"), "").toLowerCase(Locale.ROOT);
                }
                return new Identity("http-check", null, null, null, url, check);
            }
            case GITLEAKS -> {
                String secret = meta.get("secretHash") != null ? "secret:" + meta.get("secretHash")
                        : "line:" + text(meta.get("line"), "");
                return new Identity("secret", null, null, null, finding.target(),
                        text(meta.get("file"), "") + "|" + text(meta.get("rule"), "") + "|" + secret);
            }
            default -> {
                // Parser rules and anything newer: the tool-runner's own stable fingerprint.
                return new Identity("other", finding.target(), finding.port(), null, null,
                        finding.fingerprint() != null ? finding.fingerprint() : title);
            }
        }
    }

    public static String tool(Finding finding) {
        return finding.tool() == null ? "unknown" : finding.tool();
    }

    /** The kind of check from a title, without the place it names: "Missing security headers on https://…" → "missing-security-headers". */
    static String checkOf(String title) {
        String head = title.split(" on | in |: ", 2)[0];
        return head.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    static String protocol(String title) {
        Matcher matcher = PORT_NAME.matcher(title);
        return matcher.find() ? matcher.group(2) : "tcp";
    }

    static String origin(String url) {
        if (url == null) {
            return "";
        }
        try {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return url.trim();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return url.trim();
        }
    }

    private static String text(Object value, String fallback) {
        return value == null ? nullToEmpty(fallback) : value.toString();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
