package io.reconcraft.launcher.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code <home>/stack.pid}: the pid of the launcher that owns a running stack. Only a hint — a file left
 * behind by a killed launcher names a dead (or reused) pid, so callers confirm with a health check.
 */
public final class StackPidFile {

    private final Path file;

    public StackPidFile(Path home) {
        this.file = home.resolve("stack.pid");
    }

    public Path path() {
        return file;
    }

    public void writeCurrent() throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8);
    }

    /** The launcher named in the file, if that process is still alive and is a JVM. */
    public Optional<ProcessHandle> liveOwner() {
        return readPid().flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().command().map(cmd -> cmd.contains("java")).orElse(true));
    }

    /** Deletes the file only if it names this process, so a second launcher cannot erase the first one's. */
    public void deleteIfOwned() {
        if (readPid().filter(pid -> pid == ProcessHandle.current().pid()).isPresent()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // stale files are tolerated by design
            }
        }
    }

    private Optional<Long> readPid() {
        try {
            return Optional.of(Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
