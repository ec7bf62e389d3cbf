package io.reconcraft.findings.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The only owner of {@code reports} and of the report files, kept in GridFS (bucket {@code reportFiles}: collections
 * {@code reportFiles.files} and {@code reportFiles.chunks}), so no report is bound by the 16 MB document limit. A
 * file is written before its description, so a listed report can always be downloaded. Ids are derived from what the
 * report answers, so writing one again replaces it: GridFS files are immutable, so the new file is stored first (its
 * {@code metadata.reportId} names the report), then the description, then the older files of the report are deleted;
 * a download reads the newest file, so a crash at any point leaves a complete file to serve.
 */
@Component
public class ReportStore {

    static final String BUCKET = "reportFiles";
    /** Where files were kept, one document each, before GridFS: still read, so older reports stay downloadable. */
    static final String LEGACY_FILES = "reportFiles";
    private static final String REPORT_ID = "metadata.reportId";
    private static final Duration INDEX_TIMEOUT = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;
    private final ReactiveGridFsTemplate files;

    public ReportStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        this.files = new ReactiveGridFsTemplate(mongo.getMongoDatabaseFactory(), mongo.getConverter(), BUCKET);
        mongo.indexOps(BUCKET + ".files").createIndex(new Index().on(REPORT_ID, Sort.Direction.ASC)).block(INDEX_TIMEOUT);
    }

    public Mono<ReportRecord> save(ReportRecord report, byte[] content) {
        Flux<DataBuffer> bytes = Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(content)));
        return files.store(bytes, report.fileName(), report.contentType(), new Document("reportId", report.id()))
                .flatMap(fileId -> mongo.save(report)
                        .flatMap(saved -> files.delete(Query.query(where(REPORT_ID).is(report.id()).and("_id").ne(fileId)))
                                .thenReturn(saved)));
    }

    public Flux<ReportRecord> ofRun(String runId) {
        return mongo.find(Query.query(where("runId").is(runId)).with(Sort.by("createdAt", "_id")), ReportRecord.class);
    }

    public Mono<ReportRecord> byId(String id) {
        return mongo.findById(id, ReportRecord.class);
    }

    public Mono<byte[]> content(String id) {
        Query newest = Query.query(where(REPORT_ID).is(id)).with(Sort.by(Sort.Direction.DESC, "uploadDate", "_id"));
        return files.findFirst(newest)
                .flatMap(files::getResource)
                .flatMap(resource -> DataBufferUtils.join(resource.getDownloadStream()))
                .map(ReportStore::bytesOf)
                .switchIfEmpty(Mono.defer(() -> mongo.findById(id, Document.class, LEGACY_FILES)
                        .map(file -> file.get("content", Binary.class).getData())));
    }

    private static byte[] bytesOf(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
