package io.reconcraft.toolrunner.execution.live.gitleaks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcraft.events.EventSignature;
import org.junit.jupiter.api.Test;

class SecretHashConfigurationTest {

    private static final String SECRET = "ghp_0123456789abcdefghijklmnopqrstuvwxyz";
    private final SecretHashConfiguration configuration = new SecretHashConfiguration();

    @Test
    void givenNoDedicatedKey_whenConfigured_thenEveryRunnerOfTheStackDerivesTheSameKeyFromTheSigningKey() {
        SecretHasher one = configuration.secretHasher("", EventSignature.of("s".repeat(40)));
        SecretHasher another = configuration.secretHasher(null, EventSignature.of("s".repeat(40)));
        SecretHasher otherStack = configuration.secretHasher("", EventSignature.of("t".repeat(40)));

        assertThat(another.hash(SECRET)).isEqualTo(one.hash(SECRET));
        assertThat(otherStack.hash(SECRET)).isNotEqualTo(one.hash(SECRET));
        assertThat(one.toString()).doesNotContain("s".repeat(8));
    }

    @Test
    void givenADedicatedKey_whenConfigured_thenItIsUsedInsteadOfTheSigningKey_andAShortOneIsRefused() {
        EventSignature signing = EventSignature.of("s".repeat(40));

        SecretHasher dedicated = configuration.secretHasher("d".repeat(32), signing);

        assertThat(dedicated.hash(SECRET)).isNotEqualTo(configuration.secretHasher("", signing).hash(SECRET))
                .isEqualTo(new SecretHasher("d".repeat(32).getBytes(java.nio.charset.StandardCharsets.UTF_8)).hash(SECRET));
        assertThatThrownBy(() -> configuration.secretHasher("too-short", signing))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32 bytes");
    }
}
