package io.reconcraft.orchestrator.condition;

import io.reconcraft.events.model.NmapOutput;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads open ports out of a step's outputs, which are untrusted: an nmap step's open
 * {@code hosts[].ports[]} ({@link NmapOutput}), and {@code ports} or {@code openPorts} holding numbers,
 * numeric strings or objects with a {@code port} (and optionally a {@code state}, which must then be
 * "open"). Anything else is ignored.
 */
final class OpenPorts {

    private static final int MAX_PORT = 65535;

    private OpenPorts() {
    }

    static Set<Integer> in(Map<String, Object> outputs) {
        Set<Integer> ports = new TreeSet<>();
        NmapOutput.read(outputs).hosts().forEach(host -> host.ports().stream().filter(NmapOutput.Port::open)
                .forEach(port -> add(ports, port.port())));
        for (String key : new String[] {"ports", "openPorts"}) {
            if (outputs.get(key) instanceof Collection<?> entries) {
                entries.forEach(entry -> add(ports, entry));
            }
        }
        return ports;
    }

    private static void add(Set<Integer> ports, Object entry) {
        if (entry instanceof Map<?, ?> map) {
            Object state = map.get("state");
            if (state == null || "open".equalsIgnoreCase(String.valueOf(state))) {
                add(ports, map.get("port"));
            }
            return;
        }
        Integer port = null;
        if (entry instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            port = number.intValue();
        } else if (entry instanceof String text && text.strip().matches("\\d{1,5}")) {
            port = Integer.parseInt(text.strip());
        }
        if (port != null && port >= 1 && port <= MAX_PORT) {
            ports.add(port);
        }
    }
}
