package io.reconcraft.launcher.mongo;

import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import io.reconcraft.launcher.DaemonThreads;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * mongo-java-server's backend kept in memory and made durable: every change goes to a {@link Journal}; at start the last
 * snapshot and the journals after it are read back ({@link StoreFiles}), and whenever the journal has grown past
 * its limit and past the last snapshot's size a new snapshot is written in the background so that start-up stays
 * short.
 *
 * <p>Chosen by measurement over the H2 backend, which serialized whole documents with Java serialization on every
 * page write and answered every non-{@code _id} query by deserializing the whole collection (see bench/RESULTS.md).
 */
public final class DurableBackend extends AbstractMongoBackend {

    private static final System.Logger log = System.getLogger(DurableBackend.class.getName());

    private final StoreFiles files;
    private final long compactAfterBytes;
    // A snapshot costs as much as the store is large: taken every compactAfterBytes of journal, a store of 500 MB
    // (50,000 runs) was encoded whole for every 64 MB of changes. Waiting until the journal is as large as the last
    // snapshot keeps the snapshots' work at most the journal's, and a restart reads at most twice the store.
    private volatile long snapshotBytes;
    // 32 MB/s: a snapshot of ~65,000 runs in about a minute at a tenth of a core, while the journal it replaces
    // takes several minutes to grow as large again at 50 runs/s
    static final long SNAPSHOT_BYTES_PER_SECOND = 32L * 1024 * 1024;
    private volatile boolean closing;
    private final Journal journal;
    private final ExecutorService compactor =
            Executors.newSingleThreadExecutor(DaemonThreads.named("embedded-mongo-snapshot"));
    private final AtomicBoolean compacting = new AtomicBoolean();
    private final CommandCounts commandCounts = new CommandCounts();

    public DurableBackend(Path folder, long compactAfterBytes) {
        this.files = new StoreFiles(folder);
        this.compactAfterBytes = compactAfterBytes;
        StoreFiles.Recovered recovered = files.recover();
        this.journal = new Journal(files.journal(recovered.nextGeneration()));
        recovered.restoreInto(this);
        // A fresh snapshot right away: the files just read are then no longer needed.
        this.snapshotBytes = files.writeSnapshot(recovered.nextGeneration(), databases());
        journal.enable(true);
    }

    @Override
    protected IndexedDatabase openOrCreateDatabase(String name) {
        return new IndexedDatabase(name, getCursorRegistry(), this);
    }

    @Override
    public void dropDatabase(String name) {
        super.dropDatabase(name);
        journal.dropDatabase(name);
    }

    CommandCounts commandCounts() {
        return commandCounts;
    }

    Journal journal() {
        if (journal != null && snapshotDue() && compacting.compareAndSet(false, true)) {
            compactor.execute(() -> {
                try {
                    compactNow();
                } catch (RuntimeException e) {
                    log.log(System.Logger.Level.WARNING,
                            "could not write a snapshot of the embedded database; the journal keeps growing", e);
                } finally {
                    compacting.set(false);
                }
            });
        }
        return journal;
    }

    /** Whether the journal has grown past its limit and past the last snapshot's size. */
    boolean snapshotDue() {
        return journal.bytes() > Math.max(compactAfterBytes, snapshotBytes);
    }

    /** The databases in memory now, for a snapshot. */
    List<IndexedDatabase> databases() {
        List<IndexedDatabase> databases = new ArrayList<>();
        for (String name : listDatabaseNames()) {
            if (resolveDatabase(name) instanceof IndexedDatabase database) {
                databases.add(database);
            }
        }
        return databases;
    }

    private void compactNow() {
        compactNow(SnapshotWriter.BatchWritten.NONE);
    }

    /**
     * A new journal, then a snapshot of everything in memory, replacing the older files; written at
     * {@link #SNAPSHOT_BYTES_PER_SECOND} until the store closes, then at full speed.
     */
    synchronized void compactNow(SnapshotWriter.BatchWritten batchWritten) {
        int generation = files.generationOf(journal.file()) + 1;
        journal.rotateTo(files.journal(generation));
        snapshotBytes = files.writeSnapshot(generation, databases(), batchWritten,
                WriteRate.of(SNAPSHOT_BYTES_PER_SECOND, () -> closing));
    }

    @Override
    public void close() {
        closing = true;
        compactor.shutdown();
        try {
            compactor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        super.close();
        journal.close();
    }
}
