package io.reconcraft.workflow;

import io.reconcraft.events.model.InputEcho;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The nmap options a workflow may use. Flags are split on whitespace and each must be on this
 * allow-list (with a value of the right form where it takes one); the result is an argument list
 * for a process, never a shell string.
 */
public final class NmapFlags {

    private static final Set<String> SWITCHES = Set.of(
            "-sT", "-sV", "-sC", "-sU", "-sS", "-O", "-A", "-Pn", "-F", "-n", "-r", "-6", "--open", "--reason",
            "-T0", "-T1", "-T2", "-T3", "-T4", "-T5", "--version-light", "--version-all");

    private static final Map<String, Pattern> WITH_VALUE = Map.of(
            "-p", Pattern.compile("(?:[TU]:)?\\d{1,5}(?:-\\d{1,5})?(?:,(?:[TU]:)?\\d{1,5}(?:-\\d{1,5})?)*"),
            "--top-ports", Pattern.compile("[1-9]\\d{0,4}"),
            "--version-intensity", Pattern.compile("[0-9]"),
            "--max-retries", Pattern.compile("\\d{1,2}"),
            "--host-timeout", Pattern.compile("\\d{1,5}(ms|s|m)?"),
            "--script", Pattern.compile("(default|banner|vulners|http-title|http-headers|ssl-cert|ssh2-enum-algos"
                    + "|ssh-hostkey|ftp-anon|smb-os-discovery)(,(default|banner|vulners|http-title|http-headers"
                    + "|ssl-cert|ssh2-enum-algos|ssh-hostkey|ftp-anon|smb-os-discovery))*"));

    /** Switches that need raw sockets (the NET_RAW capability) in the sandbox. */
    public static final Set<String> RAW_SOCKET_SWITCHES = Set.of("-sU", "-sS", "-O", "-A");

    private NmapFlags() {
    }

    public static List<String> parse(String flags) {
        List<String> arguments = new ArrayList<>();
        if (flags == null || flags.isBlank()) {
            return arguments;
        }
        String[] tokens = flags.strip().split("\\s+");
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (SWITCHES.contains(token)) {
                arguments.add(token);
                continue;
            }
            Pattern valuePattern = WITH_VALUE.get(token);
            if (valuePattern == null) {
                throw new IllegalArgumentException("nmap flag " + InputEcho.quoted(token) + " is not allowed");
            }
            if (i + 1 >= tokens.length || !valuePattern.matcher(tokens[i + 1]).matches()) {
                throw new IllegalArgumentException("nmap flag " + InputEcho.quoted(token) + " needs a valid value");
            }
            arguments.add(token);
            arguments.add(tokens[++i]);
        }
        return arguments;
    }
}
