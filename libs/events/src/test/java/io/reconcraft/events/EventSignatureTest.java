package io.reconcraft.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class EventSignatureTest {

    private static final EventSignature KEY = EventSignature.of("k".repeat(32));
    private final byte[] value = "{\"eventId\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void givenASignedValue_whenVerifiedWithTheSameKeyAndTopic_thenItVerifies() {
        assertThat(KEY.verifies("t", value, KEY.sign("t", value))).isTrue();
    }

    @Test
    void givenASignedValue_whenOneByteChanges_thenItNoLongerVerifies() {
        byte[] signature = KEY.sign("t", value);
        value[3] ^= 1;

        assertThat(KEY.verifies("t", value, signature)).isFalse();
    }

    @Test
    void givenAValueSignedForOneTopic_whenReplayedOnAnother_thenItDoesNotVerify() {
        assertThat(KEY.verifies("other", value, KEY.sign("t", value))).isFalse();
    }

    @Test
    void givenAnotherKey_whenVerifying_thenItDoesNotVerify() {
        EventSignature other = EventSignature.of("x".repeat(32));

        assertThat(KEY.verifies("t", value, other.sign("t", value))).isFalse();
        assertThat(KEY.verifies("t", value, null)).isFalse();
    }

    @Test
    void givenTheSameKey_whenSigningOneValueAfterOthers_thenTheSignatureIsTheStandardHmacOfTopicAndValue() throws Exception {
        byte[] expected = standardHmac("k".repeat(32), "t", value);
        KEY.sign("another", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(KEY.sign("t", value)).isEqualTo(expected);
        assertThat(KEY.sign("t", value)).isEqualTo(expected);
    }

    @Test
    void givenACallThatFailedHalfway_whenSigningAgain_thenNothingOfItEntersTheNextSignature() throws Exception {
        assertThatThrownBy(() -> KEY.sign(null, value)).isInstanceOf(NullPointerException.class);

        assertThat(KEY.sign("t", value)).isEqualTo(standardHmac("k".repeat(32), "t", value));
    }

    @Test
    void givenManyThreads_whenTheySignAndVerifyAtOnce_thenEverySignatureVerifies() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                byte[] each = ("{\"eventId\":\"e-" + i + "\"}").getBytes(StandardCharsets.UTF_8);
                String topic = "t" + (i % 3);
                results.add(pool.submit(() -> KEY.verifies(topic, each, KEY.sign(topic, each))
                        && Arrays.equals(KEY.sign(topic, each), standardHmac("k".repeat(32), topic, each))));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** HMAC-SHA256 of the domain, topic and value as the class documents it, computed here from scratch. */
    private static byte[] standardHmac(String secret, String topic, byte[] value) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        signed.writeBytes("reconcraft-event-v1".getBytes(StandardCharsets.UTF_8));
        signed.write(0);
        signed.writeBytes(topic.getBytes(StandardCharsets.UTF_8));
        signed.write(0);
        signed.writeBytes(value);
        return HexFormat.of().formatHex(mac.doFinal(signed.toByteArray())).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void givenAShortSecret_whenUsedAsKey_thenItIsRefused() {
        assertThatThrownBy(() -> EventSignature.of("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32");
    }
}
