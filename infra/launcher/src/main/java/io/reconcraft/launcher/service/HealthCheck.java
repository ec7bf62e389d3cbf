package io.reconcraft.launcher.service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import lombok.RequiredArgsConstructor;

/** One probe of a Spring Boot actuator health endpoint. */
@RequiredArgsConstructor
public final class HealthCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI uri;

    public static HealthCheck actuator(HttpClient http, int port) {
        return new HealthCheck(http, URI.create("http://127.0.0.1:" + port + "/actuator/health"));
    }

    public URI uri() {
        return uri;
    }

    /** True when the endpoint answers 200 with status UP; any error counts as not (yet) up. */
    public boolean isUp() throws InterruptedException {
        HttpResponse<String> response = probe();
        return response != null && response.statusCode() == 200 && isUpBody(response.body());
    }

    /** True when the endpoint answers 200, whatever the body. */
    public boolean answers200() throws InterruptedException {
        HttpResponse<String> response = probe();
        return response != null && response.statusCode() == 200;
    }

    private HttpResponse<String> probe() throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        }
    }

    static boolean isUpBody(String body) {
        try {
            return "UP".equals(JSON.readTree(body).path("status").asString(""));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
