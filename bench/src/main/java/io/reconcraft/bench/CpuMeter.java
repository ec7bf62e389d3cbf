package io.reconcraft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    Map<String, Double> read() {
        Map<String, Double> seconds = new TreeMap<>();
        List<ProcessHandle> processes = new ArrayList<>();
        processes.add(launcher);
        launcher.descendants().forEach(processes::add);
        for (ProcessHandle process : processes) {
            seconds.merge(nameOf(process), cpuSeconds(process.pid()), Double::sum);
        }
        return seconds;
    }

    static Map<String, Double> difference(Map<String, Double> before, Map<String, Double> after) {
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

    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // the command name may hold spaces: fields are counted after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended meanwhile
        }
    }
}
