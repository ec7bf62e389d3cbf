package io.reconcraft.launcher.stack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for a packaged Spring Boot service in LocalStackIT (the real jars are built by others):
 * answers the actuator health, the gateway health, and echoes the settings it was given (as Spring reads them:
 * {@code SPRING_APPLICATION_JSON}, a flat object of strings).
 * JDK only, lambdas only, so the jar needs this one class file.
 */
public final class FakeService {

    public static void main(String[] args) throws IOException {
        if (Files.exists(Path.of("fail"))) {
            System.out.println("boom: refusing to start");
            System.exit(3);
        }
        Map<String, String> settings = settings(System.getenv("SPRING_APPLICATION_JSON"));
        int port = Integer.parseInt(settings.get("server.port"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/actuator/health", exchange -> reply(exchange, "{\"status\":\"UP\"}"));
        server.createContext("/api/health", exchange -> reply(exchange, "{\"status\":\"UP\"}"));
        server.createContext("/env", exchange -> reply(exchange,
                "spring.kafka.bootstrap-servers=" + settings.get("spring.kafka.bootstrap-servers") + "\n"
                        + "spring.mongodb.uri=" + settings.get("spring.mongodb.uri") + "\n"
                        + "reconcraft.gateway.admin-api-key=" + settings.get("reconcraft.gateway.admin-api-key") + "\n"
                        + "reconcraft.gateway.audit-url=" + settings.get("reconcraft.gateway.audit-url") + "\n"));
        server.start();
        System.out.println("fake service listening on " + port);
    }

    private static Map<String, String> settings(String json) {
        Map<String, String> settings = new HashMap<>();
        Matcher pair = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json == null ? "" : json);
        while (pair.find()) {
            settings.put(pair.group(1), pair.group(2));
        }
        return settings;
    }

    private static void reply(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
