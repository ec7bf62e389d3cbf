package io.reconcraft.launcher.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventSigningKeyTest {

    @TempDir
    Path home;

    @Test
    void givenAFreshStack_whenResolved_thenAKeyLongEnoughForHmacIsKeptOwnerOnlyAndReusedOnRestart() throws Exception {
        String key = EventSigningKey.resolve(Map.of(), home);

        assertThat(key.length()).isGreaterThanOrEqualTo(32);
        Path file = home.resolve(EventSigningKey.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(EventSigningKey.resolve(Map.of(), home)).isEqualTo(key);
        assertThat(key).isNotEqualTo(AdminKey.resolve(Map.of(), home));
    }

    @Test
    void givenAKeyInTheEnvironment_whenResolved_thenItWins() {
        assertThat(EventSigningKey.resolve(Map.of(EventSigningKey.VARIABLE, "k".repeat(40)), home))
                .isEqualTo("k".repeat(40));
    }
}
