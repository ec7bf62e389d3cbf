package io.reconcraft.launcher.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AdminKeyTest {

    @TempDir
    Path home;

    @Test
    void givenNoKeyAnywhere_whenResolved_thenGeneratesPrefixedKeyReadableOnlyByOwner() throws Exception {
        String key = AdminKey.resolve(Map.of(), home);

        assertThat(key).startsWith("rc_").matches("rc_[A-Za-z0-9_-]{43}");
        Path file = home.resolve(AdminKey.FILE_NAME);
        assertThat(Files.readString(file).trim()).isEqualTo(key);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void givenSavedKey_whenResolvedAgain_thenSameKeyIsReturned() {
        String first = AdminKey.resolve(Map.of(), home);

        String second = AdminKey.resolve(Map.of(), home);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void givenKeyInEnvironment_whenResolved_thenEnvironmentWinsAndNothingIsWritten() {
        String key = AdminKey.resolve(Map.of(AdminKey.VARIABLE, "rc_from_env"), home);

        assertThat(key).isEqualTo("rc_from_env");
        assertThat(home.resolve(AdminKey.FILE_NAME)).doesNotExist();
    }

    @Test
    void givenEmptyKeyFile_whenResolved_thenNewKeyReplacesIt() throws Exception {
        Files.writeString(home.resolve(AdminKey.FILE_NAME), "\n");

        String key = AdminKey.resolve(Map.of(), home);

        assertThat(key).startsWith("rc_");
        assertThat(Files.readString(home.resolve(AdminKey.FILE_NAME)).trim()).isEqualTo(key);
    }

    @Test
    void givenTwoGenerations_whenCompared_thenKeysDiffer() {
        assertThat(AdminKey.generate()).isNotEqualTo(AdminKey.generate());
    }
}
