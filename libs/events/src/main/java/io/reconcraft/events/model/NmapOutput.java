package io.reconcraft.events.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an nmap step outputs, {@code {hosts: [{address, target?, status?, hostnames?, ports: [{port, protocol,
 * state, service, product, version, extrainfo?, cpe?, scripts?}]}]}}: written by the demo and the live nmap,
 * read by conditions, http-probe, parser rules and notification templates. Outputs travel as plain JSON
 * inside StepCompleted (the Studio shows them as they are), so this type only fixes their shape and keys.
 * Upstream output is untrusted: {@link #read} skips entries of the wrong shape, {@link #parse} rejects them.
 */
public record NmapOutput(List<Host> hosts) {

    public static final String HOSTS = "hosts";

    public NmapOutput {
        hosts = List.copyOf(hosts);
    }

    /** Whether a step's outputs carry nmap hosts at all. */
    public static boolean in(Map<String, ?> outputs) {
        return outputs.get(HOSTS) != null;
    }

    public Map<String, Object> toOutputs() {
        return Map.of(HOSTS, hosts.stream().map(Host::toOutput).toList());
    }

    /** {@code target}, {@code status} and {@code hostnames} are written only when known (the demo knows the target). */
    public record Host(String address, String target, String status, List<String> hostnames, List<Port> ports) {

        public Host {
            hostnames = hostnames == null ? null : List.copyOf(hostnames);
            ports = List.copyOf(ports);
        }

        Map<String, Object> toOutput() {
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("address", address);
            putPresent(output, "target", target);
            putPresent(output, "status", status);
            putPresent(output, "hostnames", hostnames);
            output.put("ports", ports.stream().map(Port::toOutput).toList());
            return output;
        }
    }

    /**
     * {@code port} is null where a reader met something that is not a whole number. {@code details} is what a
     * real scan adds (the demo has none).
     */
    public record Port(Integer port, String protocol, String state, String service, String product, String version,
                       Details details) {

        public Port(int port, String protocol, String state, String service, String product, String version) {
            this(port, protocol, state, service, product, version, null);
        }

        public boolean open() {
            return "open".equals(state);
        }

        Map<String, Object> toOutput() {
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("port", port);
            output.put("protocol", protocol);
            output.put("state", state);
            output.put("service", service);
            output.put("product", product);
            output.put("version", version);
            if (details != null) {
                output.put("extrainfo", details.extraInfo());
                output.put("cpe", details.cpe());
                output.put("scripts", details.scripts().stream().map(Script::toOutput).toList());
            }
            return output;
        }
    }

    public record Details(String extraInfo, List<String> cpe, List<Script> scripts) {

        public Details {
            cpe = List.copyOf(cpe);
            scripts = List.copyOf(scripts);
        }
    }

    public record Script(String id, String output) {

        Map<String, Object> toOutput() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("id", id);
            map.put("output", output);
            return map;
        }
    }

    /**
     * The hosts in untrusted outputs, leniently: an entry that is not an object is skipped, a field of the wrong
     * type is null (so is a port number that is not whole, and the address of a host without a text one). Empty
     * when there are none.
     */
    public static NmapOutput read(Map<String, ?> outputs) {
        List<Host> hosts = new ArrayList<>();
        for (Map<?, ?> host : OutputValues.maps(outputs.get(HOSTS))) {
            List<Port> ports = new ArrayList<>();
            for (Map<?, ?> port : OutputValues.maps(host.get("ports"))) {
                ports.add(readPort(port));
            }
            hosts.add(new Host(text(host.get("address")), text(host.get("target")), text(host.get("status")), null,
                    ports));
        }
        return new NmapOutput(hosts);
    }

    /**
     * The hosts in untrusted outputs, strictly: {@link IllegalArgumentException} says what is of the wrong shape
     * (hosts or ports not a list, an entry not an object, a host without an address, a port not a number from 1 to
     * 65535). No {@code hosts} at all is an empty output.
     */
    public static NmapOutput parse(Map<String, ?> outputs) {
        List<Host> hosts = new ArrayList<>();
        Object value = outputs.get(HOSTS);
        for (Map<?, ?> host : value == null ? List.<Map<?, ?>>of() : strictMaps(value, HOSTS)) {
            if (!(host.get("address") instanceof String address) || address.isBlank()) {
                throw new IllegalArgumentException("a host without an address");
            }
            List<Port> ports = new ArrayList<>();
            Object portList = host.get("ports");
            for (Map<?, ?> port : portList == null ? List.<Map<?, ?>>of() : strictMaps(portList, "ports")) {
                if (!(port.get("port") instanceof Number number) || number.intValue() < 1 || number.intValue() > 65535) {
                    throw new IllegalArgumentException("a port that is not a number between 1 and 65535");
                }
                Port read = readPort(port);
                ports.add(new Port(number.intValue(), read.protocol(), read.state(), read.service(), read.product(),
                        read.version(), null));
            }
            hosts.add(new Host(address, text(host.get("target")), text(host.get("status")), null, ports));
        }
        return new NmapOutput(hosts);
    }

    /** One untrusted port entry, leniently (see {@link #read}). */
    public static Port readPort(Map<?, ?> port) {
        Integer number = port.get("port") instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                ? n.intValue() : null;
        return new Port(number, text(port.get("protocol")), text(port.get("state")), text(port.get("service")),
                text(port.get("product")), text(port.get("version")), null);
    }

    private static List<Map<?, ?>> strictMaps(Object value, String field) {
        if (!(value instanceof List<?> items)) {
            throw new IllegalArgumentException("'" + field + "' that is not a list");
        }
        List<Map<?, ?>> maps = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("an entry of '" + field + "' that is not an object");
            }
            maps.add(map);
        }
        return maps;
    }

    private static String text(Object value) {
        return value instanceof String text ? text : null;
    }

    private static void putPresent(Map<String, Object> output, String key, Object value) {
        if (value != null) {
            output.put(key, value);
        }
    }
}
