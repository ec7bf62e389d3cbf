package io.reconcraft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM options the stack is measured with: {@code RECONCRAFT_JAVA_OPTS} as {@code ./reconcraft} exports it, or
 * else the defaults {@code ./reconcraft up} starts the launcher with on this Java, so a benchmark run straight from
 * its jar measures the stack users run. (StartupBenchmark reads the same variable on its own: it runs as one source
 * file.)
 */
final class LauncherOptions {

    private LauncherOptions() {
    }

    static String fromEnvironment() {
        String set = System.getenv("RECONCRAFT_JAVA_OPTS");
        if (set != null && !set.isBlank()) {
            return set.strip();
        }
        String options = "-XX:+UseG1GC -XX:+UseStringDeduplication" + (Runtime.version().feature() >= 25
                ? " -XX:+UseCompactObjectHeaders --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
                : "") + " -XX:InitialRAMPercentage=12.5 -XX:MaxHeapFreeRatio=100";
        return runsAsRoot() ? options + " -XX:ThreadPriorityPolicy=1 -XX:CompilerThreadPriority=-10" : options;
    }

    /** As {@code ./reconcraft} decides whether the JIT compilers' threads can be given a higher priority. */
    private static boolean runsAsRoot() {
        try {
            // /proc/self belongs to the process's effective user
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    static List<String> split(String options) {
        return Arrays.stream(options.strip().split("\\s+")).filter(option -> !option.isEmpty()).toList();
    }
}
