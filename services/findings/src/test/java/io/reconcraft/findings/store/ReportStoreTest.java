package io.reconcraft.findings.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.reconcraft.testing.RealInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Report files in GridFS on the MongoDB-wire server the tests and the local stack use. */
class ReportStoreTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final MongoClient client = MongoClients.create(RealInfrastructure.mongoUri());
    private final ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "report-store-" + UUID.randomUUID());
    private final ReportStore store = new ReportStore(mongo);

    @AfterEach
    void close() {
        client.close();
    }

    private static ReportRecord report(String id, long size) {
        return new ReportRecord(id, "run-1", "run-1:report", "report", "html", "report.html", "text/html", size,
                Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void givenAReportLargerThanOneChunk_whenSavedAndDownloaded_thenTheBytesComeBackWhole() {
        byte[] content = "<tr><td>finding</td></tr>\n".repeat(40_000).getBytes(StandardCharsets.UTF_8); // ~1 MB: 4 chunks

        store.save(report("rpt-big", content.length), content).block(TIMEOUT);

        assertThat(store.content("rpt-big").block(TIMEOUT)).isEqualTo(content);
        assertThat(mongo.getCollection("reportFiles.chunks").flatMapMany(c -> c.countDocuments()).blockFirst(TIMEOUT))
                .isGreaterThan(1L);
    }

    @Test
    void givenAReportWrittenAgain_whenDownloaded_thenItIsTheNewFile_andTheOldOneIsGone() {
        byte[] first = "first".getBytes(StandardCharsets.UTF_8);
        byte[] second = "second, longer".getBytes(StandardCharsets.UTF_8);

        store.save(report("rpt-1", first.length), first).block(TIMEOUT);
        store.save(report("rpt-1", second.length), second).block(TIMEOUT);

        assertThat(store.content("rpt-1").block(TIMEOUT)).isEqualTo(second);
        assertThat(mongo.count(Query.query(Criteria.where("metadata.reportId").is("rpt-1")), "reportFiles.files")
                .block(TIMEOUT)).isEqualTo(1L);
        assertThat(store.byId("rpt-1").block(TIMEOUT).size()).isEqualTo(second.length);
    }

    @Test
    void givenAFileStoredBeforeGridFs_whenDownloaded_thenItIsStillServed_andAnUnknownIdIsEmpty() {
        mongo.save(new Document("_id", "rpt-old").append("content", new Binary("old".getBytes(StandardCharsets.UTF_8))),
                "reportFiles").block(TIMEOUT);

        assertThat(store.content("rpt-old").block(TIMEOUT)).isEqualTo("old".getBytes(StandardCharsets.UTF_8));
        assertThat(store.content("rpt-unknown").blockOptional(TIMEOUT)).isEmpty();
    }
}
