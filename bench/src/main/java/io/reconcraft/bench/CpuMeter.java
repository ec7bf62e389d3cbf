package io.reconcraft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * CPU seconds used so far by each process of the stack (the launcher, which holds the embedded MongoDB, and every
 * process it started), read from /proc: user plus system time, by the name of what the process runs.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private final ProcessHandle launcher;

    CpuMeter(Process launcher) {
        this.launcher = launcher.toHandle();
    }

    private Map<String, Double> read() {
        Map<String, Double> seconds = new TreeMap<>();
        for (ProcessHandle process : processes()) {
            seconds.merge(nameOf(process), cpuSeconds(process.pid()), Double::sum);
        }
        return seconds;
    }

    /** The readings a phase's CPU is measured from: every process, and the JIT compiler and collector threads. */
    record Mark(Map<String, Double> processes, Map<Path, Double> compilers, Map<Path, Double> collectors) {
    }

    /** What the stack used since a mark: CPU seconds by process, and of them the JIT compilers' and the collector's. */
    record Used(Map<String, Double> byProcess, double compilers, double collectors) {
        double total() {
            return byProcess.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    Mark mark() {
        return new Mark(read(), compilerThreads(), collectorThreads());
    }

    Used since(Mark mark) {
        return new Used(difference(mark.processes(), read()), grown(mark.compilers(), compilerThreads()),
                grown(mark.collectors(), collectorThreads()));
    }

    private static Map<String, Double> difference(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new TreeMap<>();
        after.forEach((name, total) -> used.put(name, total - before.getOrDefault(name, 0.0)));
        return used;
    }

    private String nameOf(ProcessHandle process) {
        if (process.pid() == launcher.pid()) {
            return "launcher + embedded MongoDB";
        }
        String command = String.join(" ", process.info().arguments().map(List::of).orElse(List.of()));
        if (command.contains("kafka.Kafka")) {
            return "kafka";
        }
        for (String service : List.of("api-gateway", "run-orchestrator", "tool-runner", "notifier", "audit", "findings")) {
            if (command.contains(service + ".jar") || command.contains("/" + service + "/")) {
                return service;
            }
        }
        return "other (" + process.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("?") + ")";
    }

    /** CPU seconds used so far by each JIT compiler thread of the stack's JVMs (C1 and C2), by thread. */
    private Map<Path, Double> compilerThreads() {
        return threads(name -> name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler"));
    }

    /**
     * CPU seconds used so far by each garbage collector thread of the stack's JVMs (pauses and concurrent work), by
     * the names G1, Parallel, Serial, ZGC and Shenandoah give their threads.
     */
    private Map<Path, Double> collectorThreads() {
        return threads(name -> name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("StringDedup")
                || name.matches("Z(Worker|Driver|Director|Stat|Uncommitter|Unmapper).*")
                || name.startsWith("Shenandoah"));
    }

    /**
     * The CPU seconds threads used between two readings. A thread that ended meanwhile (the JVM stops compiler threads
     * it no longer needs) is left out rather than counted negative, so the figure may fall short, never below zero.
     */
    private static double grown(Map<Path, Double> before, Map<Path, Double> after) {
        double seconds = 0;
        for (Map.Entry<Path, Double> thread : after.entrySet()) {
            seconds += thread.getValue() - before.getOrDefault(thread.getKey(), 0.0);
        }
        return seconds;
    }

    /** {@code named} sees a thread's name as /proc keeps it: its first 15 characters. */
    private Map<Path, Double> threads(Predicate<String> named) {
        Map<Path, Double> seconds = new HashMap<>();
        for (ProcessHandle process : processes()) {
            try (var threads = Files.list(Path.of("/proc/" + process.pid() + "/task"))) {
                for (Path thread : threads.toList()) {
                    if (named.test(nameOf(thread))) {
                        seconds.put(thread, cpuSeconds(thread.resolve("stat")));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the process ended meanwhile
            }
        }
        return seconds;
    }

    private List<ProcessHandle> processes() {
        List<ProcessHandle> processes = new ArrayList<>();
        processes.add(launcher);
        launcher.descendants().forEach(processes::add);
        return processes;
    }

    private static String nameOf(Path thread) {
        try {
            return Files.readString(thread.resolve("comm")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static double cpuSeconds(long pid) {
        return cpuSeconds(Path.of("/proc/" + pid + "/stat"));
    }

    private static double cpuSeconds(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            // the command name may hold spaces: fields are counted after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended meanwhile
        }
    }
}
