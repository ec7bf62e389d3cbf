package io.reconcraft.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class RecordHashTest {

    private final RecordHash hashes = new RecordHash("a-key-outside-the-database".getBytes(StandardCharsets.UTF_8));

    private static Document record(Map<String, Object> payload) {
        return new Document("_id", "e-1").append("type", "StepCompleted").append("runId", "run-1")
                .append("occurredAt", new Date(1_796_000_000_000L)).append("version", 1)
                .append("topic", "reconcraft.step-events").append("partition", 2).append("offset", 41L)
                .append("receivedAt", new Date(1_796_000_000_500L))
                .append("sequence", 7L).append("previousHash", RecordHash.GENESIS).append("payload", new Document(payload));
    }

    @Test
    void givenTheSameRecordWithKeysInAnotherOrderAndIntsAsLongs_whenHashed_thenTheHashIsTheSame() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("nodeId", "nmap");
        payload.put("attempt", 1);
        payload.put("outputs", Map.of("ports", List.of(22, 80)));
        Map<String, Object> reordered = new LinkedHashMap<>();
        reordered.put("outputs", Map.of("ports", List.of(22L, 80L)));
        reordered.put("attempt", 1L);
        reordered.put("nodeId", "nmap");

        assertThat(hashes.of(record(payload))).isEqualTo(hashes.of(record(reordered))).hasSize(64);
    }

    @Test
    void givenAnyStoredFieldChangedAddedOrRemoved_whenHashed_thenTheHashDiffers() {
        Document original = record(Map.of("nodeId", "nmap"));
        String hash = hashes.of(original);

        for (String field : original.keySet()) {
            Document without = new Document(original);
            without.remove(field);
            assertThat(hashes.of(without)).as(field).isNotEqualTo(hash);
        }
        assertThat(hashes.of(new Document(original).append("payload", new Document("nodeId", "nmap2")))).isNotEqualTo(hash);
        assertThat(hashes.of(new Document(original).append("offset", 42L))).isNotEqualTo(hash);
        assertThat(hashes.of(new Document(original).append("partition", 3))).isNotEqualTo(hash);
        assertThat(hashes.of(new Document(original).append("version", 2))).isNotEqualTo(hash);
        assertThat(hashes.of(new Document(original).append("receivedAt", new Date(1_796_000_000_501L)))).isNotEqualTo(hash);
        assertThat(hashes.of(new Document(original).append("added", true))).isNotEqualTo(hash);
        assertThat(hashes.of(new Document(original).append("hash", "anything"))).isEqualTo(hash);
    }

    @Test
    void givenAnotherKey_whenHashed_thenTheHashDiffers() {
        RecordHash other = new RecordHash("another-key-0000000000".getBytes(StandardCharsets.UTF_8));

        assertThat(other.of(record(Map.of("nodeId", "nmap")))).isNotEqualTo(hashes.of(record(Map.of("nodeId", "nmap"))));
    }

    @Test
    void givenAStringThatLooksLikeANumber_whenHashed_thenItDiffersFromTheNumber() {
        assertThat(hashes.of(record(Map.of("port", "22")))).isNotEqualTo(hashes.of(record(Map.of("port", 22))));
    }
}
