package io.reconcraft.toolrunner.execution.live.nmap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP service on 127.0.0.1 (free port) that greets every connection with a banner, or, without
 * one, accepts and then says nothing, holding the connection open until the server closes.
 */
final class LoopbackServer implements AutoCloseable {

    private final ServerSocket socket;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();

    LoopbackServer(String banner) {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(() -> serve(banner), "loopback-server-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve(String banner) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                clients.add(client);
                if (banner != null) {
                    client.getOutputStream().write(banner.getBytes(StandardCharsets.US_ASCII));
                    client.getOutputStream().flush();
                }
            } catch (IOException e) {
                // closed, or the scanner hung up first
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket client : clients) {
            client.close();
        }
    }
}
