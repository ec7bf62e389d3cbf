package io.reconcraft.launcher.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Loopback TCP checks. */
public final class TcpPort {

    private static final Duration POLL = Duration.ofMillis(200);

    private TcpPort() {
    }

    public static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Polls until the port accepts a connection. Stops early, returning false, when {@code stillWorthWaiting}
     * turns false (typically: the process that should open the port has died) or the timeout passes.
     */
    public static boolean awaitOpen(int port, Duration timeout, BooleanSupplier stillWorthWaiting)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (acceptsConnections(port)) {
                return true;
            }
            if (!stillWorthWaiting.getAsBoolean()) {
                return false;
            }
            Thread.sleep(POLL.toMillis());
        }
        return acceptsConnections(port);
    }
}
