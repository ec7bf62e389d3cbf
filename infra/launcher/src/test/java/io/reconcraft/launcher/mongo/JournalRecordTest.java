package io.reconcraft.launcher.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JournalRecordTest {

    private static byte[] bytes(ByteBuf buffer) {
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        return bytes;
    }

    @Test
    void givenAPutRecord_whenParsed_thenItsDocumentIsTheStoredBytesUndecoded() {
        byte[] stored = StoredBson.encode(new Document("_id", "r1").append("status", "queued"), Unpooled.buffer());
        ByteBuf record = Unpooled.buffer();
        StoredBson.writePutRecord("api-gateway", "runs", stored, record);

        JournalRecord parsed = JournalRecord.parse(bytes(record));

        assertThat(parsed.operation()).isEqualTo("p");
        assertThat(parsed.database()).isEqualTo("api-gateway");
        assertThat(parsed.collection()).isEqualTo("runs");
        assertThat(parsed.document()).isEqualTo(stored);
        assertThat(JournalRecord.idOf(parsed.document())).isEqualTo("r1");
    }

    @Test
    void givenARemovalById_whenParsed_thenItNamesTheIdAndNoDocument() {
        ObjectId id = new ObjectId();
        ByteBuf record = Unpooled.buffer();
        BsonEncoder.encodeDocument(new Document("o", "d").append("db", "audit").append("c", "audit_events")
                .append("id", id), record);

        JournalRecord parsed = JournalRecord.parse(bytes(record));

        assertThat(parsed.operation()).isEqualTo("d");
        assertThat(parsed.id()).isEqualTo(id);
        assertThat(parsed.document()).isNull();
    }

    @Test
    void givenADocumentWithoutAnId_whenItsIdIsRead_thenThereIsNone() {
        byte[] index = StoredBson.encode(new Document("name", "status_1").append("ns", "reconcraft.runs"),
                Unpooled.buffer());

        assertThat(JournalRecord.idOf(index)).isNull();
    }
}
