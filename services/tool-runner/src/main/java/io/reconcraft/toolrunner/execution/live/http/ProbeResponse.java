package io.reconcraft.toolrunner.execution.live.http;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one probed URL answered, after the redirects the probe was allowed to follow. {@code status} is
 * null when no answer came ({@code error} says why); {@code redirectBlocked} says why a redirect was not
 * followed (out of scope, too many hops).
 */
record ProbeResponse(String url, String finalUrl, Integer status, String title, String server,
                     Map<String, String> headers, List<String> redirectChain, String redirectBlocked, TlsFacts tls,
                     boolean bodyTruncated, String error) {

    static ProbeResponse failed(String url, List<String> chain, String error) {
        return new ProbeResponse(url, chain.get(chain.size() - 1), null, null, null, Map.of(), chain, null, null,
                false, error);
    }

    boolean answered() {
        return status != null;
    }

    String header(String name) {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    Map<String, Object> toOutput(Instant now) {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("url", url);
        output.put("finalUrl", finalUrl);
        putPresent(output, "status", status);
        putPresent(output, "title", title);
        putPresent(output, "server", server);
        output.put("headers", headers);
        output.put("redirectChain", redirectChain);
        putPresent(output, "redirectBlocked", redirectBlocked);
        if (tls != null) {
            output.put("tls", tls.toOutput(now));
        }
        output.put("bodyTruncated", bodyTruncated);
        putPresent(output, "error", error);
        return output;
    }

    private static void putPresent(Map<String, Object> output, String key, Object value) {
        if (value != null) {
            output.put(key, value);
        }
    }
}
