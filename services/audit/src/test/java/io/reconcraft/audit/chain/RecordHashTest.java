package io.reconcraft.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class RecordHashTest {

    private static Document record(Map<String, Object> payload) {
        return new Document("_id", "e-1").append("type", "StepCompleted").append("runId", "run-1")
                .append("occurredAt", new Date(1_796_000_000_000L)).append("topic", "reconcraft.step-events")
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

        assertThat(RecordHash.of(record(payload))).isEqualTo(RecordHash.of(record(reordered))).hasSize(64);
    }

    @Test
    void givenAnyHashedFieldChanged_whenHashed_thenTheHashDiffers() {
        Document original = record(Map.of("nodeId", "nmap"));
        String hash = RecordHash.of(original);

        assertThat(RecordHash.of(new Document(original).append("payload", new Document("nodeId", "nmap2")))).isNotEqualTo(hash);
        assertThat(RecordHash.of(new Document(original).append("sequence", 8L))).isNotEqualTo(hash);
        assertThat(RecordHash.of(new Document(original).append("previousHash", "1".repeat(64)))).isNotEqualTo(hash);
        assertThat(RecordHash.of(new Document(original).append("type", "StepStarted"))).isNotEqualTo(hash);
        assertThat(RecordHash.of(new Document(original).append("occurredAt", new Date(1_796_000_000_001L)))).isNotEqualTo(hash);
    }

    @Test
    void givenAStringThatLooksLikeANumber_whenHashed_thenItDiffersFromTheNumber() {
        assertThat(RecordHash.of(record(Map.of("port", "22")))).isNotEqualTo(RecordHash.of(record(Map.of("port", 22))));
    }
}
