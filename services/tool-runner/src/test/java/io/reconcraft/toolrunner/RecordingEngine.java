package io.reconcraft.toolrunner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in container engine on a Unix socket the test owns: it answers ping and empty lists, refuses
 * everything else, and records every request line — so a test can show that no container was ever created.
 */
final class RecordingEngine implements AutoCloseable {

    private final Path socket;
    private final ServerSocketChannel server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    RecordingEngine() throws IOException {
        socket = Files.createTempDirectory("reconcraft-engine").resolve("engine.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread acceptor = new Thread(this::accept, "recording-engine");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String dockerHost() {
        return "unix://" + socket;
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    boolean sawContainerCreated() {
        return requests.stream().anyMatch(r -> r.startsWith("POST ") && r.contains("/containers/create"));
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                Thread handler = new Thread(() -> serve(client), "recording-engine-client");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(SocketChannel client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client),
                StandardCharsets.ISO_8859_1)); OutputStream out = Channels.newOutputStream(client)) {
            String requestLine;
            while ((requestLine = in.readLine()) != null) {
                if (requestLine.isEmpty()) {
                    continue;
                }
                requests.add(requestLine);
                int length = 0;
                for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                    if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(header.substring(15).strip());
                    }
                }
                in.skip(length);
                String body;
                String status;
                if (requestLine.contains("/_ping")) {
                    status = "200 OK";
                    body = "OK";
                } else if (requestLine.startsWith("GET ") && requestLine.contains("/json")) {
                    status = "200 OK";
                    body = "[]";
                } else {
                    status = "500 Internal Server Error";
                    body = "{\"message\":\"refused by the test's recording engine\"}";
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: "
                        + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(bytes);
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            // the client went away
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
    }
}
