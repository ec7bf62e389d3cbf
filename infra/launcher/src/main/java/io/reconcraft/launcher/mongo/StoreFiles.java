package io.reconcraft.launcher.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The store's folder: {@code snapshot-N.bson} holds every document as it was some time after {@code journal-N.bson}
 * was opened, so the state is the newest complete snapshot with the journals from its number on replayed over it.
 * Replaying a change the snapshot already holds is harmless: records are whole document states, applied in order,
 * so each document ends in its last journaled state.
 */
final class StoreFiles {

    private static final System.Logger log = System.getLogger(StoreFiles.class.getName());
    /** How much of a snapshot is written before it is forced to the disk ({@link SyncedAsWritten}). */
    private static final long SNAPSHOT_SYNC_BYTES = 16L * 1024 * 1024;
    private static final Pattern NAME = Pattern.compile("(snapshot|journal)-(\\d+)\\.bson");
    private static final String INDEXES = "system.indexes";

    private final Path folder;

    StoreFiles(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
    }

    Path journal(int generation) {
        return folder.resolve("journal-" + generation + ".bson");
    }

    int generationOf(Path file) {
        Matcher matcher = NAME.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a store file: " + file);
        }
        return Integer.parseInt(matcher.group(2));
    }

    Recovered recover() {
        List<Path> snapshots = files("snapshot");
        List<Path> journals = files("journal");
        int base = snapshots.isEmpty() ? -1 : generationOf(snapshots.get(snapshots.size() - 1));
        Recovered recovered = new Recovered();
        if (base >= 0) {
            replay(snapshots.get(snapshots.size() - 1), recovered);
        }
        int newest = base;
        for (Path journal : journals) {
            int generation = generationOf(journal);
            if (generation >= base) {
                replay(journal, recovered);
            }
            newest = Math.max(newest, generation);
        }
        recovered.nextGeneration = newest + 1;
        return recovered;
    }

    /** {@link #writeSnapshot(int, List, SnapshotWriter.BatchWritten, WriteRate)} at full speed. */
    long writeSnapshot(int generation, List<IndexedDatabase> databases) {
        return writeSnapshot(generation, databases, SnapshotWriter.BatchWritten.NONE, WriteRate.UNLIMITED);
    }

    /**
     * Writes every document of every database at {@code rate}, then removes the files this snapshot makes
     * unnecessary; answers the snapshot's size in bytes.
     */
    long writeSnapshot(int generation, List<IndexedDatabase> databases, SnapshotWriter.BatchWritten batchWritten,
            WriteRate rate) {
        Path target = folder.resolve("snapshot-" + generation + ".bson");
        Path partial = folder.resolve("snapshot-" + generation + ".bson.partial");
        SnapshotWriter writer = new SnapshotWriter(batchWritten, rate);
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                OutputStream out = new BufferedOutputStream(new SyncedAsWritten(
                        java.nio.channels.Channels.newOutputStream(channel), () -> channel.force(false),
                        SNAPSHOT_SYNC_BYTES), 256 * 1024)) {
            writer.write(databases, out);
            out.flush();
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the embedded database's snapshot " + partial, e);
        }
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            for (Path older : Stream.concat(files("snapshot").stream(), files("journal").stream()).toList()) {
                if (generationOf(older) < generation) {
                    Files.deleteIfExists(older);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace the embedded database's snapshot " + target, e);
        }
        return writer.bytes();
    }

    private List<Path> files(String kind) {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(path -> {
                        Matcher matcher = NAME.matcher(path.getFileName().toString());
                        return matcher.matches() && matcher.group(1).equals(kind);
                    })
                    .sorted(Comparator.comparingInt(this::generationOf))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static void replay(Path file, Recovered into) {
        long records = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 256 * 1024)) {
            DataInputStream data = new DataInputStream(in);
            byte[] length = new byte[4];
            while (true) {
                try {
                    data.readFully(length);
                } catch (EOFException end) {
                    break;
                }
                int size = (length[0] & 0xff) | (length[1] & 0xff) << 8 | (length[2] & 0xff) << 16
                        | (length[3] & 0xff) << 24;
                if (size < 5) {
                    log.log(System.Logger.Level.WARNING, "{0}: damaged record after {1} records; ignoring the rest",
                            file, records);
                    break;
                }
                byte[] record = new byte[size];
                System.arraycopy(length, 0, record, 0, 4);
                try {
                    data.readFully(record, 4, size - 4);
                } catch (EOFException torn) {
                    // the launcher died in the middle of this write: everything before it is whole
                    log.log(System.Logger.Level.WARNING, "{0}: the last record was cut short; ignoring it", file);
                    break;
                }
                into.apply(JournalRecord.parse(record));
                records++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded database's file " + file, e);
        }
    }

    /**
     * What the files hold: each document's bytes by database, collection and id, in the order they were first
     * written. Restored one at a time and forgotten as it goes, so a restart holds the history about once.
     */
    static final class Recovered {

        private final Map<String, Map<String, Map<KeyValue, byte[]>>> databases = new LinkedHashMap<>();
        private int nextGeneration;

        int nextGeneration() {
            return nextGeneration;
        }

        void apply(JournalRecord record) {
            String database = record.database();
            String collection = record.collection();
            switch (record.operation()) {
                case "p" -> documents(database, collection).put(keyOf(record.document()), record.document());
                case "d" -> documents(database, collection).remove(record.document() == null
                        ? idOf(record.id()) : keyOf(record.document()));
                case "x" -> {
                    databases.getOrDefault(database, Map.of()).remove(collection);
                    documents(database, INDEXES).values().removeIf(
                            index -> (database + "." + collection).equals(StoredBson.decode(index).get("ns")));
                }
                case "X" -> databases.remove(database);
                default -> throw new IllegalStateException("unknown journal record " + record.operation());
            }
        }

        void restoreInto(DurableBackend backend) {
            EmbeddedChannel channel = new EmbeddedChannel();
            try {
                for (Map.Entry<String, Map<String, Map<KeyValue, byte[]>>> database : databases.entrySet()) {
                    String name = database.getKey();
                    IndexedDatabase target = (IndexedDatabase) backend.resolveDatabase(name);
                    for (byte[] index : database.getValue().getOrDefault(INDEXES, Map.of()).values()) {
                        createIndex(backend, channel, name, StoredBson.decode(index));
                    }
                    for (Map.Entry<String, Map<KeyValue, byte[]>> collection : database.getValue().entrySet()) {
                        if (collection.getKey().startsWith("system.")) {
                            continue;
                        }
                        MongoCollection<Integer> into = target.collection(collection.getKey());
                        for (Iterator<byte[]> documents = collection.getValue().values().iterator(); documents.hasNext(); ) {
                            into.addDocument(StoredBson.decode(documents.next()));
                            documents.remove();
                        }
                    }
                }
            } finally {
                channel.close();
            }
        }

        private static void createIndex(DurableBackend backend, EmbeddedChannel channel, String database,
                Document index) {
            String namespace = (String) index.get("ns");
            if ("_id_".equals(index.get("name")) || namespace == null || !namespace.startsWith(database + ".")) {
                return;
            }
            Document spec = new Document();
            index.forEach((key, value) -> {
                if (!"ns".equals(key) && !"v".equals(key)) {
                    spec.put(key, value);
                }
            });
            List<Document> specs = new ArrayList<>();
            specs.add(spec);
            backend.handleCommand(channel, database, "createIndexes",
                    new Document("createIndexes", namespace.substring(database.length() + 1)).append("indexes", specs));
        }

        private Map<KeyValue, byte[]> documents(String database, String collection) {
            return databases.computeIfAbsent(database, name -> new LinkedHashMap<>())
                    .computeIfAbsent(collection, name -> new LinkedHashMap<>());
        }

        /** Its id; the index list's documents have none and are named by namespace and name. */
        private static KeyValue keyOf(byte[] document) {
            Object id = JournalRecord.idOf(document);
            if (id != null) {
                return idOf(id);
            }
            Document index = StoredBson.decode(document);
            return new KeyValue(index.get("ns"), index.get("name"));
        }

        private static KeyValue idOf(Object id) {
            return new KeyValue(normalize(id));
        }
    }

    /** Numbers of different types that Mongo treats as equal (1, 1L, 1.0) become one key. */
    static Object normalize(Object value) {
        return new KeyValue(value).normalized().get(0);
    }
}
