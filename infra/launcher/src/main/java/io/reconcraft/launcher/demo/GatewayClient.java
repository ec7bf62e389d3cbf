package io.reconcraft.launcher.demo;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import lombok.RequiredArgsConstructor;

/** The few gateway calls the demo makes, authenticated with the admin API key. */
@RequiredArgsConstructor
public final class GatewayClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http;
    /** e.g. {@code http://127.0.0.1:8000/api} */
    private final URI apiBase;
    private final String apiKey;

    public JsonNode post(String path, Object body, int expectedStatus) throws IOException, InterruptedException {
        HttpRequest request = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        return send(request, expectedStatus);
    }

    public JsonNode get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build(), 200);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(apiBase + path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .header("X-API-Key", apiKey);
    }

    private JsonNode send(HttpRequest request, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new GatewayException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + " (expected " + expectedStatus + "): " + abbreviate(response.body()));
        }
        try {
            return JSON.readTree(response.body());
        } catch (RuntimeException e) {
            throw new GatewayException(request.method() + " " + request.uri() + " returned no JSON: "
                    + abbreviate(response.body()));
        }
    }

    private static String abbreviate(String body) {
        String text = body == null ? "" : body.strip();
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }

    /** The gateway answered, but not as the contract says. */
    public static final class GatewayException extends RuntimeException {
        public GatewayException(String message) {
            super(message);
        }
    }
}
