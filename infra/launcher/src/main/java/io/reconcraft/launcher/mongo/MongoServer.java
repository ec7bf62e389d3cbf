package io.reconcraft.launcher.mongo;

import io.reconcraft.launcher.DaemonThreads;
import io.reconcraft.launcher.stack.StackException;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * mongo-java-server inside the launcher JVM: documents in memory, every change journaled to the store folder beside
 * {@code file} so data survives restarts (see {@link DurableBackend}).
 */
public final class MongoServer implements AutoCloseable {

    private static final long COMPACT_AFTER_BYTES = 64L * 1024 * 1024;
    private static final int ACCEPTING_THREADS = 1;
    private static final Duration NETWORK_STOP = Duration.ofSeconds(10);
    private static final System.Logger log = System.getLogger(MongoServer.class.getName());

    private final Path file;
    private final int port;
    private DurableBackend backend;
    private de.bwaldvogel.mongo.MongoServer server;

    private final long compactAfterBytes;

    public MongoServer(Path file, int port) {
        this(file, port, COMPACT_AFTER_BYTES);
    }

    MongoServer(Path file, int port, long compactAfterBytes) {
        this.file = file;
        this.port = port;
        this.compactAfterBytes = compactAfterBytes;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            backend = new DurableBackend(storeFolder(), compactAfterBytes);
            // No oplog: no service watches a collection, and it would write every change twice.
            server = new de.bwaldvogel.mongo.MongoServer(backend);
            server.bind(new InetSocketAddress("127.0.0.1", port), ACCEPTING_THREADS,
                    servingThreads(Runtime.getRuntime().availableProcessors()));
        } catch (RuntimeException e) {
            close();
            throw new StackException("cannot start the embedded MongoDB on 127.0.0.1:" + port
                    + " with data file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * One thread per two cores serves the connections: each collection is changed under its lock anyway, and on a
     * laptop's few cores the library's default (two event loops per core) mostly added thread switches — on two cores
     * its worker threads woke 14 times per demo run, 10 with one (bench/RESULTS.md 2026-12-05, eighth session).
     */
    static int servingThreads(int cores) {
        return Math.max(1, cores / 2);
    }

    /**
     * Whether {@code stop} ended within {@code bound}. The library's shutdown waits, uninterruptibly and without a
     * bound, for its event loops to terminate; once (2026-12-05) that wait never returned although its threads were
     * gone, and the launcher hung in its shutdown hook with the services already stopped. Waited for on a daemon
     * thread, so a stop that does not end cannot keep the JVM alive.
     */
    static boolean stopsWithin(Runnable stop, Duration bound) {
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(stop,
                runnable -> DaemonThreads.named("embedded-mongo-stop").newThread(runnable).start());
        try {
            stopped.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new StackException("the embedded MongoDB did not stop: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** The journal and snapshots; the file name of earlier versions' H2 store names the folder. */
    public Path storeFolder() {
        String name = file.getFileName().toString().replaceFirst("\\.mv$", "");
        return file.toAbsolutePath().resolveSibling(name + "-store");
    }

    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public synchronized void close() {
        try {
            if (server != null && !stopsWithin(server::shutdown, NETWORK_STOP)) {
                log.log(System.Logger.Level.WARNING, "the embedded MongoDB's network threads did not stop within {0}"
                        + " s; closing its store anyway", NETWORK_STOP.toSeconds());
            }
        } finally {
            server = null;
            // shutdown() stops the network side only; closing the backend finishes a snapshot under way and the journal
            if (backend != null) {
                backend.close();
                backend = null;
            }
        }
    }
}
