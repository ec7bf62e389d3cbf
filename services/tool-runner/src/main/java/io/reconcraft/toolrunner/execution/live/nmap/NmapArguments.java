package io.reconcraft.toolrunner.execution.live.nmap;

import io.reconcraft.toolrunner.execution.StepInputException;
import io.reconcraft.workflow.NmapFlags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import io.reconcraft.workflow.InvalidTargetException;
import io.reconcraft.workflow.Target;
import java.util.Map;
import java.util.Set;

/**
 * nmap's argument list, built only from the step's validated config and its scope-checked targets.
 *
 * <p>Profiles: {@code quick} = {@code -sT -T4 -F}; {@code deep} = {@code -sT -sV -sC -T4};
 * {@code udp} = {@code -sU --top-ports 100}; {@code custom} = the allow-listed {@code flags} alone.
 * With a named profile, {@code flags} add to it (their port selection and timing replace the
 * profile's). Without a profile: {@code custom} when flags are given, else {@code quick}.
 *
 * <p>The tool runs as a non-root user, so a TCP scan is a connect scan: {@code -sT} is added when
 * no scan type is given. Switches that need raw sockets ({@link NmapFlags#RAW_SOCKET_SWITCHES})
 * make the run ask for exactly the NET_RAW capability, and tell nmap with {@code --privileged}
 * that it may use it. Always: no reverse DNS ({@code -n}), a host timeout within the step's
 * timeout, XML to stdout ({@code -oX -}) and the normal report to stderr, which becomes the log.
 */
public record NmapArguments(List<String> arguments, boolean rawSockets) {

    static final Map<String, List<String>> PROFILES = Map.of(
            "quick", List.of("-sT", "-T4", "-F"),
            "deep", List.of("-sT", "-sV", "-sC", "-T4"),
            "udp", List.of("-sU", "--top-ports", "100"));
    private static final Set<String> SCAN_TYPES = Set.of("-sT", "-sS", "-sU");
    private static final Set<String> PORT_SELECTION = Set.of("-F", "-p", "--top-ports");
    private static final Set<String> TAKES_VALUE = Set.of("-p", "--top-ports", "--version-intensity", "--max-retries",
            "--host-timeout", "--script");

    public NmapArguments {
        arguments = List.copyOf(arguments);
    }

    public static NmapArguments of(String profile, String flags, List<String> targets, Duration timeout) {
        if (targets.isEmpty()) {
            throw new StepInputException("nmap needs at least one target");
        }
        List<String> options = options(profile, flags);
        if (Collections.disjoint(options, SCAN_TYPES)) {
            options.add(0, "-sT");
        }
        boolean raw = !Collections.disjoint(options, NmapFlags.RAW_SOCKET_SWITCHES);
        if (raw) {
            options.add("--privileged");
        }
        if (!options.contains("-n")) {
            options.add("-n");
        }
        if (!options.contains("--host-timeout")) {
            options.addAll(List.of("--host-timeout", hostTimeout(timeout)));
        }
        options.addAll(List.of("-oX", "-", "-oN", "/dev/stderr"));
        // only the canonical spelling of what the scope check accepted, never the text of the request
        for (String target : targets) {
            try {
                options.add(Target.parse(target).canonical());
            } catch (InvalidTargetException e) {
                throw new StepInputException(e.getMessage());
            }
        }
        return new NmapArguments(options, raw);
    }

    private static List<String> options(String profile, String flags) {
        List<String> extra;
        try {
            extra = NmapFlags.parse(flags);
        } catch (IllegalArgumentException e) {
            throw new StepInputException(e.getMessage());
        }
        String name = profile == null || profile.isBlank()
                ? (extra.isEmpty() ? "quick" : "custom") : profile.trim().toLowerCase(Locale.ROOT);
        if (name.equals("custom")) {
            return new ArrayList<>(extra);
        }
        List<String> base = PROFILES.get(name);
        if (base == null) {
            throw new StepInputException("nmap profile must be one of quick, deep, udp, custom");
        }
        List<String> options = new ArrayList<>(withoutReplaced(base, extra));
        for (String option : extra) {
            options.add(option);
        }
        return options;
    }

    /** The profile's options minus those the extra flags replace (port selection, timing). */
    private static List<String> withoutReplaced(List<String> base, List<String> extra) {
        boolean ports = extra.stream().anyMatch(PORT_SELECTION::contains);
        boolean timing = extra.stream().anyMatch(option -> option.matches("-T[0-5]"));
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < base.size(); i++) {
            String option = base.get(i);
            boolean replaced = (ports && PORT_SELECTION.contains(option)) || (timing && option.matches("-T[0-5]"))
                    || extra.contains(option);
            if (!replaced) {
                kept.add(option);
            }
            if (TAKES_VALUE.contains(option)) {
                if (!replaced) {
                    kept.add(base.get(i + 1));
                }
                i++;
            }
        }
        return kept;
    }

    /** Leaves nmap a little time to write its XML before the container is killed. */
    private static String hostTimeout(Duration timeout) {
        long seconds = timeout.toSeconds();
        return Math.max(1, seconds > 10 ? seconds - 5 : seconds) + "s";
    }
}
