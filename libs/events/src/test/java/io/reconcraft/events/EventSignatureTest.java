package io.reconcraft.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
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
    void givenAShortSecret_whenUsedAsKey_thenItIsRefused() {
        assertThatThrownBy(() -> EventSignature.of("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32");
    }
}
