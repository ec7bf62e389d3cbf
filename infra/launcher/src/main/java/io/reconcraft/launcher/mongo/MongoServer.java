package io.reconcraft.launcher.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.reconcraft.launcher.stack.StackException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** mongo-java-server inside the launcher JVM, stored in an H2 MVStore file so data survives restarts. */
public final class MongoServer implements AutoCloseable {

    private final Path file;
    private final int port;
    private H2Backend backend;
    private de.bwaldvogel.mongo.MongoServer server;

    public MongoServer(Path file, int port) {
        this.file = file;
        this.port = port;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            backend = new H2Backend(file.toAbsolutePath().toString());
            server = new de.bwaldvogel.mongo.MongoServer(backend);
            // services may watch collections; change streams need the oplog
            server.enableOplog();
            server.bind("127.0.0.1", port);
        } catch (IOException | RuntimeException e) {
            close();
            throw new StackException("cannot start the embedded MongoDB on 127.0.0.1:" + port
                    + " with data file " + file + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.shutdown();
            server = null;
        }
        // shutdown() stops the network side only; closing the backend commits and closes the MVStore file
        if (backend != null) {
            backend.close();
            backend = null;
        }
    }
}
