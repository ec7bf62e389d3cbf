package io.reconcraft.launcher.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The end of a log file, for error messages. */
public final class LogTail {

    private LogTail() {
    }

    public static String lastLines(Path file, int count) {
        if (!Files.isRegularFile(file)) {
            return "(no log at " + file + ")";
        }
        // logs may contain bytes that are not UTF-8 (tool output); ISO-8859-1 never fails to decode
        try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            List<String> all = lines.toList();
            List<String> tail = all.subList(Math.max(0, all.size() - count), all.size());
            return tail.isEmpty() ? "(log is empty: " + file + ")" : String.join(System.lineSeparator(), tail);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
