package io.reconcraft.toolrunner.execution.live.nmap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real tool output kept in the repository's fixtures/ folder (attribution in fixtures/SOURCES.md). */
public final class SharedFixtures {

    private static final Path ROOT = Path.of("../../fixtures");

    private SharedFixtures() {
    }

    public static byte[] bytes(String relative) {
        Path file = ROOT.resolve(relative);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("fixture " + file.toAbsolutePath().normalize() + " is missing", e);
        }
    }
}
