package io.reconcraft.toolrunner.execution.live.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * GETs one URL and follows its redirects by hand: a hop is requested only when its host is inside the
 * run's scope, and at most {@code maxRedirects} of them. Reads at most {@code maxBodySize} of the body.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class HttpProbe {

    static final String USER_AGENT = "ReconCraft-http-probe/1.0";
    private static final int MAX_HEADERS = 50;
    private static final int MAX_HEADER_CHARS = 500;
    private static final int TITLE_SEARCH_CHARS = 64 * 1024;

    private final OkHttpClient client;
    private final HttpProbeProperties properties;
    /** whether a host may be requested, and at which (checked, then pinned) addresses */
    private final HostGate gate;

    ProbeResponse probe(String url) {
        List<String> chain = new ArrayList<>(List.of(url));
        HttpUrl current = HttpUrl.parse(url);
        if (current == null) {
            return ProbeResponse.failed(url, chain, "not an http(s) URL");
        }
        HostGate.Decision allowed = gate.check(current.host());
        if (allowed.refusal() != null) {
            return ProbeResponse.failed(url, chain, allowed.refusal());
        }
        for (int hop = 0; ; hop++) {
            PeerCertificate peer = new PeerCertificate();
            Request request = new Request.Builder().url(current).header("User-Agent", USER_AGENT)
                    .tag(PeerCertificate.class, peer).get().build();
            List<java.net.InetAddress> pinned = allowed.addresses();
            OkHttpClient pinnedClient = client.newBuilder().dns(host -> pinned).build();
            try (Response response = pinnedClient.newCall(request).execute()) {
                if (!response.isRedirect()) {
                    return answer(url, chain, response, peer, null);
                }
                HttpUrl next = nextHop(current, response);
                HostGate.Decision nextAllowed = next == null || hop >= properties.maxRedirects() ? null
                        : gate.check(next.host());
                String blocked = next == null ? "redirect without a usable http(s) Location"
                        : hop >= properties.maxRedirects() ? "more than " + properties.maxRedirects() + " redirects"
                        : nextAllowed.refusal();
                if (blocked != null) {
                    return answer(url, chain, response, peer, blocked);
                }
                allowed = nextAllowed;
                chain.add(next.toString());
                current = next;
            } catch (IOException e) {
                return ProbeResponse.failed(url, chain, describe(e));
            }
        }
    }

    private static HttpUrl nextHop(HttpUrl current, Response response) {
        String location = response.header("Location");
        return location == null ? null : current.resolve(location);
    }

    private ProbeResponse answer(String url, List<String> chain, Response response, PeerCertificate peer,
                                 String redirectBlocked)
            throws IOException {
        Body body = read(response.body());
        return new ProbeResponse(url, chain.get(chain.size() - 1), response.code(), titleOf(body.text()),
                response.header("Server"), headersOf(response.headers()), List.copyOf(chain), redirectBlocked,
                TlsFacts.of(peer), body.truncated(), null);
    }

    private record Body(String text, boolean truncated) {
    }

    private Body read(ResponseBody body) throws IOException {
        long cap = properties.maxBodySize().toBytes();
        BufferedSource source = body.source();
        boolean more = source.request(cap + 1);
        long available = Math.min(source.getBuffer().size(), cap);
        byte[] bytes = source.getBuffer().readByteArray(available);
        java.nio.charset.Charset charset = body.contentType() == null ? StandardCharsets.UTF_8
                : body.contentType().charset(StandardCharsets.UTF_8);
        return new Body(new String(bytes, charset), more);
    }

    private static String titleOf(String html) {
        // only the head of the page: a title is near the top, and this bounds the work on a huge body
        return HtmlTitle.of(html.length() > TITLE_SEARCH_CHARS ? html.substring(0, TITLE_SEARCH_CHARS) : html);
    }

    /** The response's headers, first value each, capped; cookies are not kept (they may be someone's session). */
    private static Map<String, String> headersOf(Headers headers) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : headers.names()) {
            if (kept.size() >= MAX_HEADERS || name.equalsIgnoreCase("Set-Cookie")) {
                continue;
            }
            String value = headers.get(name);
            kept.put(name, value.length() > MAX_HEADER_CHARS ? value.substring(0, MAX_HEADER_CHARS) + "…" : value);
        }
        return kept;
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
