package io.reconcraft.launcher.stack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stands in for a packaged Spring Boot service in LocalStackIT (the real jars are built by others):
 * answers the actuator health, the gateway health, and echoes the environment it was given.
 * JDK only, lambdas only, so the jar needs this one class file.
 */
public final class FakeService {

    public static void main(String[] args) throws IOException {
        if (Files.exists(Path.of("fail"))) {
            System.out.println("boom: refusing to start");
            System.exit(3);
        }
        int port = Integer.parseInt(System.getenv("SERVER_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/actuator/health", exchange -> reply(exchange, "{\"status\":\"UP\"}"));
        server.createContext("/api/health", exchange -> reply(exchange, "{\"status\":\"UP\"}"));
        server.createContext("/env", exchange -> reply(exchange,
                "KAFKA_BOOTSTRAP_SERVERS=" + System.getenv("KAFKA_BOOTSTRAP_SERVERS") + "\n"
                        + "MONGODB_URI=" + System.getenv("MONGODB_URI") + "\n"
                        + "RECONCRAFT_ADMIN_API_KEY=" + System.getenv("RECONCRAFT_ADMIN_API_KEY") + "\n"
                        + "RECONCRAFT_GATEWAY_AUDIT_URL=" + System.getenv("RECONCRAFT_GATEWAY_AUDIT_URL") + "\n"));
        server.start();
        System.out.println("fake service listening on " + port);
    }

    private static void reply(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
