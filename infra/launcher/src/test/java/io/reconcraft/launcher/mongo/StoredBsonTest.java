package io.reconcraft.launcher.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoredBsonTest {

    private final ByteBuf scratch = Unpooled.buffer(64);

    private static Document run() {
        return new Document("_id", "r1").append("status", "running")
                .append("startedAt", Instant.parse("2026-12-04T02:00:00.123Z"))
                .append("steps", List.of(new Document("nodeId", "nmap").append("findings", List.of(
                        new Document("port", 22).append("open", true)))));
    }

    @Test
    void givenADocument_whenEncodedAndDecoded_thenItIsEqualAndLongerThanTheScratchBuffer() {
        Document run = run();

        byte[] stored = StoredBson.encode(run, scratch);

        assertThat(StoredBson.decode(stored)).isEqualTo(run);
        assertThat(stored.length).isGreaterThan(64);
    }

    @Test
    void givenStoredBytes_whenTheDecodedDocumentIsChanged_thenTheStoredDocumentIsNot() {
        byte[] stored = StoredBson.encode(run(), scratch);

        StoredBson.decode(stored).append("status", "failed");

        assertThat(StoredBson.decode(stored).get("status")).isEqualTo("running");
    }

    @Test
    void givenStoredBytes_whenWrittenAsAPutRecord_thenTheRecordIsTheOneEncodedFromTheDocument() {
        byte[] stored = StoredBson.encode(run(), scratch);
        ByteBuf framed = Unpooled.buffer();
        framed.writeBytes(new byte[] {7, 7}); // a record written after others in the same buffer

        StoredBson.writePutRecord("api-gateway", "runs", stored, framed);

        ByteBuf expected = Unpooled.buffer();
        BsonEncoder.encodeDocument(new Document("o", "p").append("db", "api-gateway").append("c", "runs")
                .append("d", run()), expected);
        assertThat(ByteBufUtil.hexDump(framed.skipBytes(2))).isEqualTo(ByteBufUtil.hexDump(expected));
    }

    @Test
    void givenAFieldAfterValuesOfEveryKind_whenDecodedAlone_thenItIsTheWholeDocumentsAndTheOthersAreLeftOut() {
        Document every = new Document("_id", new de.bwaldvogel.mongo.bson.ObjectId()).append("double", 1.5)
                .append("string", "ü text").append("document", new Document("a", List.of(1, 2)))
                .append("array", List.of("x", new Document("b", 2L))).append("uuid", java.util.UUID.randomUUID())
                .append("bytes", new de.bwaldvogel.mongo.bson.BinData(new byte[] {1, 2, 3})).append("true", true)
                .append("date", Instant.parse("2026-12-06T07:00:00.123Z")).append("null", null)
                .append("regex", new de.bwaldvogel.mongo.bson.BsonRegularExpression("a.*b", "i"))
                .append("code", new de.bwaldvogel.mongo.bson.BsonJavaScript("return 1"))
                .append("int", 7).append("long", 8L)
                .append("timestamp", new de.bwaldvogel.mongo.bson.BsonTimestamp(99L))
                .append("decimal", de.bwaldvogel.mongo.bson.Decimal128.TWO)
                .append("min", de.bwaldvogel.mongo.bson.MinKey.getInstance())
                .append("max", de.bwaldvogel.mongo.bson.MaxKey.getInstance())
                .append("last", "found");
        byte[] stored = StoredBson.encode(every, scratch);
        Document whole = StoredBson.decode(stored);

        Document alone = StoredBson.decodeFields(stored, java.util.Set.of("last", "date"));

        assertThat(alone).isEqualTo(new Document("date", whole.get("date")).append("last", "found"));
        for (String field : whole.keySet()) {
            Document one = StoredBson.decodeFields(stored, java.util.Set.of(field));
            assertThat(StoredBson.encode(one, scratch))
                    .isEqualTo(StoredBson.encode(new Document(field, whole.get(field)), scratch));
        }
    }
}
