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
}
