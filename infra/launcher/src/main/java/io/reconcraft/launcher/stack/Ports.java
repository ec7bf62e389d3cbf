package io.reconcraft.launcher.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Loopback ports of every part of the stack. */
public record Ports(Map<ServiceName, Integer> services, int kafka, int kafkaController, int mongo) {

    public static final String KAFKA_PORT = "RECONCRAFT_KAFKA_PORT";
    public static final String KAFKA_CONTROLLER_PORT = "RECONCRAFT_KAFKA_CONTROLLER_PORT";
    public static final String MONGO_PORT = "RECONCRAFT_MONGO_PORT";

    public Ports {
        services = Map.copyOf(new EnumMap<>(services));
    }

    public static Ports fromEnvironment(Map<String, String> env) {
        Map<ServiceName, Integer> services = new EnumMap<>(ServiceName.class);
        for (ServiceName service : ServiceName.values()) {
            services.put(service, port(env, service.portVariable(), service.defaultPort()));
        }
        return new Ports(services,
                port(env, KAFKA_PORT, 9092),
                port(env, KAFKA_CONTROLLER_PORT, 9093),
                port(env, MONGO_PORT, 27017));
    }

    public static Ports free() {
        List<Integer> free = freePorts(ServiceName.values().length + 3);
        Map<ServiceName, Integer> services = new EnumMap<>(ServiceName.class);
        for (ServiceName service : ServiceName.values()) {
            services.put(service, free.remove(0));
        }
        return new Ports(services, free.get(0), free.get(1), free.get(2));
    }

    public int of(ServiceName service) {
        return services.get(service);
    }

    public int gateway() {
        return of(ServiceName.API_GATEWAY);
    }

    private static int port(Map<String, String> env, String variable, int fallback) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a port number (1-65535), got: " + value);
        }
    }

    // All sockets stay open until every port is picked, so no port is handed out twice.
    private static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports.add(socket.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            sockets.forEach(Ports::closeQuietly);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // a free-port probe; nothing to clean up
        }
    }
}
