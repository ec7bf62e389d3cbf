package io.reconcraft.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Start-up, idle memory and stop of the local stack, as a user meets them: {@code launcher.jar up} on free ports in a
 * fresh data folder, timed until the launcher says it is up (every service healthy); the resident memory of the whole
 * process tree (the launcher and everything it started) after an idle pause; then SIGTERM to the launcher, timed until
 * every process of the tree has ended.
 *
 * <p>Builds nothing and needs nothing but a JDK: run it as a source file, {@code java
 * bench/src/main/java/io/reconcraft/bench/StartupBenchmark.java}, or through {@code ./reconcraft bench startup}.
 * Several variants (JDK, JVM options) run interleaved — A, B, A, B, … — so a noisy machine hits them alike; the
 * medians are printed as markdown.
 *
 * <p>Arguments ({@code key=value}): {@code repeat=3}, {@code idle=10} (seconds), {@code processes=1} (one JVM per
 * service), {@code repo=.}, and any number of {@code variant=label|/path/to/java|jvm options…[|other launcher.jar]};
 * without a variant,
 * the launcher runs on this JVM with the options in {@code RECONCRAFT_JAVA_OPTS}.
 */
public final class StartupBenchmark {

    private static final long READY_TIMEOUT_SECONDS = 900;
    private static final long STOP_TIMEOUT_SECONDS = 60;
    private static final String READY_LINE = "ReconCraft is up";

    private StartupBenchmark() {
    }

    /** @param launcher null for the repository's launcher jar */
    record Variant(String label, String java, List<String> options, Path launcher) {

        static Variant parse(String value) {
            String[] parts = value.split("\\|", 4);
            if (parts.length < 2) {
                throw new IllegalArgumentException("variant=label|java|options…[|launcher.jar], got: " + value);
            }
            List<String> options = parts.length >= 3 && !parts[2].isBlank()
                    ? List.of(parts[2].trim().split("\\s+")) : List.of();
            Path launcher = parts.length == 4 && !parts[3].isBlank() ? Path.of(parts[3]).toAbsolutePath() : null;
            return new Variant(parts[0], parts[1].isBlank() ? thisJava() : parts[1], options, launcher);
        }
    }

    /** One start, idle and stop. */
    record Trial(double readySeconds, double cpuSeconds, long rssBytes, int processes, double stopSeconds, int leftRunning) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new HashMap<>();
        List<Variant> variants = new ArrayList<>();
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("arguments are key=value, got: " + arg);
            }
            if (pair[0].equals("variant")) {
                variants.add(Variant.parse(pair[1]));
            } else {
                settings.put(pair[0], pair[1]);
            }
        }
        if (variants.isEmpty()) {
            String options = LauncherOptions.fromEnvironment();
            variants.add(Variant.parse("default|" + thisJava() + "|" + options));
        }
        Path repo = Path.of(settings.getOrDefault("repo", System.getProperty("reconcraft.repo", "."))).toAbsolutePath().normalize();
        int repeat = Integer.parseInt(settings.getOrDefault("repeat", "3"));
        int idle = Integer.parseInt(settings.getOrDefault("idle", "10"));
        boolean processes = settings.getOrDefault("processes", "0").equals("1");
        Path launcher = repo.resolve("infra/launcher/target/launcher.jar");
        if (!Files.isRegularFile(launcher)) {
            throw new IllegalStateException("missing " + launcher + ": build first (mvn -B -DskipTests package)");
        }

        Map<Variant, List<Trial>> trials = new LinkedHashMap<>();
        variants.forEach(v -> trials.put(v, new ArrayList<>()));
        for (int round = 1; round <= repeat; round++) {
            for (Variant variant : variants) {
                Trial trial;
                try {
                    trial = run(variant, repo, launcher, processes, idle);
                } catch (IllegalStateException e) {
                    // e.g. a free port taken by another program before the stack bound it: count it, go on
                    System.err.printf(Locale.ROOT, "round %d %-24s FAILED: %s%n", round, variant.label(),
                            e.getMessage().lines().findFirst().orElse(""));
                    continue;
                }
                trials.get(variant).add(trial);
                System.err.printf(Locale.ROOT, "round %d %-24s ready %.1f s (CPU %.1f s), RSS %s in %d processes, stop %.1f s%s%n",
                        round, variant.label(), trial.readySeconds(), trial.cpuSeconds(), mib(trial.rssBytes()), trial.processes(),
                        trial.stopSeconds(), trial.leftRunning() > 0 ? ", " + trial.leftRunning() + " LEFT RUNNING" : "");
            }
        }
        print(trials, repeat, idle, processes);
    }

    private static Trial run(Variant variant, Path repo, Path launcher, boolean processes, int idle) throws Exception {
        Path home = Files.createTempDirectory("reconcraft-startup");
        try {
            List<String> command = new ArrayList<>();
            command.add(variant.java());
            command.addAll(variant.options());
            command.addAll(List.of("-jar", (variant.launcher() != null ? variant.launcher() : launcher).toString(), "up"));
            if (processes) {
                command.add("--processes");
            }
            ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
            builder.environment().putAll(freePorts());
            builder.environment().put("RECONCRAFT_HOME", home.toString());
            builder.environment().put("RECONCRAFT_REPO", repo.toString());
            builder.environment().put("RECONCRAFT_READY_TIMEOUT_SECONDS", String.valueOf(READY_TIMEOUT_SECONDS));
            Path output = home.resolve("launcher.out");
            long started = System.nanoTime();
            Process stack = builder.start();
            CompletableFuture<Long> ready = watchOutput(stack, output);
            Long readyAt;
            try {
                readyAt = ready.get(READY_TIMEOUT_SECONDS + 30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                readyAt = null;
            }
            if (readyAt == null) {
                tree(stack.toHandle()).forEach(ProcessHandle::destroyForcibly);
                throw new IllegalStateException(variant.label() + ": the launcher exited before it was up; see "
                        + output + ":\n" + Files.readString(output));
            }
            double readySeconds = (readyAt - started) / 1e9;
            double cpuSeconds = cpuSeconds(stack.toHandle());
            Thread.sleep(idle * 1000L);
            List<ProcessHandle> tree = tree(stack.toHandle());
            long rss = tree.stream().mapToLong(p -> residentBytes(p.pid())).sum();

            long stopping = System.nanoTime();
            stack.destroy(); // SIGTERM, as Ctrl-C or a service manager would
            long deadline = stopping + TimeUnit.SECONDS.toNanos(STOP_TIMEOUT_SECONDS);
            while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            double stopSeconds = (System.nanoTime() - stopping) / 1e9;
            List<ProcessHandle> left = tree.stream().filter(ProcessHandle::isAlive).toList();
            left.forEach(ProcessHandle::destroyForcibly);
            return new Trial(readySeconds, cpuSeconds, rss, tree.size(), stopSeconds, left.size());
        } finally {
            deleteRecursively(home);
        }
    }

    /** Completes with the time the ready line was printed, or null when the launcher's output ended without it. */
    private static CompletableFuture<Long> watchOutput(Process stack, Path copy) {
        CompletableFuture<Long> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stack.getInputStream(), StandardCharsets.UTF_8));
                 var out = Files.newBufferedWriter(copy, StandardCharsets.UTF_8)) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.contains(READY_LINE)) {
                        ready.complete(System.nanoTime());
                    }
                    out.write(line);
                    out.newLine();
                    out.flush();
                }
            } catch (IOException e) {
                // the process ended; whatever was read is in the copy
            } finally {
                ready.complete(null);
            }
        }, "launcher-output");
        reader.setDaemon(true);
        reader.start();
        return ready;
    }

    private static List<ProcessHandle> tree(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        return tree;
    }

    /**
     * CPU time (user + system) the whole tree has used so far: every live process's own, plus what its children that
     * already ended used (e.g. the child JVM that formats Kafka's storage). Unlike wall time, it hardly depends on
     * what else runs on the machine, so it is the figure to compare start-up work by.
     */
    static double cpuSeconds(ProcessHandle root) {
        double ticks = 0;
        for (ProcessHandle process : tree(root)) {
            long[] times = cpuTicks(process.pid());
            ticks += times[0] + times[1] + times[2] + times[3];
        }
        return ticks / CLOCK_TICKS_PER_SECOND;
    }

    // USER_HZ: 100 on every Linux this runs on (sysconf(_SC_CLK_TCK) is not reachable from Java)
    private static final double CLOCK_TICKS_PER_SECOND = 100.0;

    /** utime, stime, cutime, cstime of /proc/<pid>/stat (zeros if it has ended). */
    static long[] cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // the command name (field 2) may hold spaces: count fields after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            // fields[0] is field 3 (state); utime is field 14
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]),
                    Long.parseLong(fields[13]), Long.parseLong(fields[14])};
        } catch (IOException | RuntimeException e) {
            return new long[4];
        }
    }

    /** VmRSS of one process, from /proc (0 if it has ended). */
    static long residentBytes(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc/" + pid + "/status"))) {
            return lines.filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> line.replaceAll("[^0-9]", ""))
                    .mapToLong(kib -> Long.parseLong(kib) * 1024)
                    .findFirst().orElse(0);
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static Map<String, String> freePorts() throws IOException {
        Map<String, String> env = new HashMap<>();
        for (String name : List.of("GATEWAY", "RUN_ORCHESTRATOR", "TOOL_RUNNER", "NOTIFIER", "AUDIT", "FINDINGS",
                "KAFKA", "KAFKA_CONTROLLER", "MONGO")) {
            try (ServerSocket socket = new ServerSocket(0)) {
                env.put("RECONCRAFT_" + name + "_PORT", String.valueOf(socket.getLocalPort()));
            }
        }
        return env;
    }

    private static void print(Map<Variant, List<Trial>> trials, int repeat, int idle, boolean processes) {
        System.out.printf(Locale.ROOT, "%n## Start-up, idle memory, stop (%s, median of %d, RSS after %d s idle)%n%n",
                processes ? "up --processes" : "up", repeat, idle);
        System.out.println("| variant | ready (s) | CPU to ready (s) | RSS idle (MiB) | processes | stop (s) | left running"
                + " | all runs: ready / CPU / RSS / stop |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        trials.forEach((variant, runs) -> System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.0f | %d | %.1f | %d | %s |%n",
                variant.label(),
                median(runs.stream().mapToDouble(Trial::readySeconds).toArray()),
                median(runs.stream().mapToDouble(Trial::cpuSeconds).toArray()),
                median(runs.stream().mapToDouble(t -> t.rssBytes() / 1048576.0).toArray()),
                runs.stream().mapToInt(Trial::processes).max().orElse(0),
                median(runs.stream().mapToDouble(Trial::stopSeconds).toArray()),
                runs.stream().mapToInt(Trial::leftRunning).sum(),
                String.join("; ", runs.stream().map(t -> String.format(Locale.ROOT, "%.1f / %.1f / %s / %.1f",
                        t.readySeconds(), t.cpuSeconds(), mib(t.rssBytes()), t.stopSeconds())).toList())));
        System.out.println();
        trials.keySet().forEach(v -> System.out.println("- " + v.label() + ": `" + v.java() + " "
                + String.join(" ", v.options()) + (v.launcher() != null ? " -jar " + v.launcher() : "") + "`"));
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }

    private static String thisJava() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Best effort: a process that was killed late may still be writing into it; /tmp is cleaned anyway. */
    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // left behind
                }
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("left behind: " + folder + " (" + e + ")");
        }
    }
}
