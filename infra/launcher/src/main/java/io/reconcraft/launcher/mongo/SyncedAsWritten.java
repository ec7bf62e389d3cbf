package io.reconcraft.launcher.mongo;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An output stream that has what was written so far forced to the disk every {@code everyBytes}, as RocksDB's
 * {@code bytes_per_sync} does: a snapshot of a large store (1.7 GB with 60,000 runs) left all of its pages dirty
 * for one force at its end, which took 0.8 s and held the Kafka broker's own log forces at 175–188 ms meanwhile
 * (JFR, bench/RESULTS.md, twenty-sixth session) — the file system's journal commits every writer waits for. Forced
 * a few megabytes at a time, the snapshot's thread waits instead.
 */
final class SyncedAsWritten extends FilterOutputStream {

    /** Forces the data written so far to the disk. */
    interface Sync {
        void sync() throws IOException;
    }

    private final Sync sync;
    private final long everyBytes;
    private long unsynced;

    SyncedAsWritten(OutputStream out, Sync sync, long everyBytes) {
        super(out);
        this.sync = sync;
        this.everyBytes = everyBytes;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        wrote(1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        wrote(len);
    }

    private void wrote(int bytes) throws IOException {
        unsynced += bytes;
        if (unsynced >= everyBytes) {
            out.flush();
            sync.sync();
            unsynced = 0;
        }
    }
}
