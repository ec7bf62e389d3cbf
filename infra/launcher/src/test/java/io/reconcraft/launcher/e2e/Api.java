package io.reconcraft.launcher.e2e;

import io.reconcraft.launcher.stack.StackConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for one service's API, authenticating with an API key where given. */
final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String apiKey;
    private final String serviceToken;

    Api(String base, String apiKey) {
        this(base, apiKey, null);
    }

    private Api(String base, String apiKey, String serviceToken) {
        this.base = base;
        this.apiKey = apiKey;
        this.serviceToken = serviceToken;
    }

    /** The audit service's own API, which answers only the gateway's service credential (kept in the stack's home). */
    static Api auditOf(StackConfig config) {
        String token = io.reconcraft.launcher.stack.AdminKey.resolveSecret(java.util.Map.of(), config.home(),
                "RECONCRAFT_AUDIT_API_TOKEN", "audit-api-token");
        return new Api("http://127.0.0.1:" + config.ports().of(io.reconcraft.launcher.stack.ServiceName.AUDIT), null,
                token);
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response post(String path, Object body) {
        return postRaw(path, JSON.writeValueAsString(body));
    }

    Response put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Response delete(String path) {
        return send(request(path).DELETE());
    }

    Response postRaw(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (apiKey != null) {
            builder.header("X-API-Key", apiKey);
        }
        if (serviceToken != null) {
            builder.header("X-Reconcraft-Service-Token", serviceToken);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, String contentType, String body) {

        Response expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + body);
            }
            return this;
        }

        JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
