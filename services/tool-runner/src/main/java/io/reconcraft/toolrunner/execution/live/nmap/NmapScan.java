package io.reconcraft.toolrunner.execution.live.nmap;

import io.reconcraft.events.model.NmapOutput;
import java.util.List;
import java.util.Map;

/** What nmap's XML says about the scanned hosts, as step outputs ({@link NmapOutput}, the demo's shape). */
public record NmapScan(List<Host> hosts) {

    public NmapScan {
        hosts = List.copyOf(hosts);
    }

    public Map<String, Object> toOutputs() {
        return new NmapOutput(hosts.stream().map(Host::toOutput).toList()).toOutputs();
    }

    public record Host(String address, String status, List<String> hostnames, List<Port> ports) {

        public Host {
            hostnames = List.copyOf(hostnames);
            ports = List.copyOf(ports);
        }

        NmapOutput.Host toOutput() {
            return new NmapOutput.Host(address, null, status, hostnames, ports.stream().map(Port::toOutput).toList());
        }
    }

    /**
     * {@code service} carries nmap's tunnel as a prefix, e.g. {@code ssl/http}, as its normal output does;
     * {@code extraInfo} is nmap's {@code extrainfo} (e.g. {@code protocol 2.0}), {@code cpes} its {@code <cpe>} names.
     */
    public record Port(int port, String protocol, String state, String service, String product, String version,
                       String extraInfo, List<String> cpes, List<Script> scripts) {

        public Port {
            cpes = List.copyOf(cpes);
            scripts = List.copyOf(scripts);
        }

        public Port(int port, String protocol, String state, String service, String product, String version,
                    List<Script> scripts) {
            this(port, protocol, state, service, product, version, null, List.of(), scripts);
        }

        public boolean open() {
            return "open".equals(state);
        }

        public String name() {
            return port + "/" + protocol;
        }

        NmapOutput.Port toOutput() {
            return new NmapOutput.Port(port, protocol, state, service, product, version,
                    new NmapOutput.Details(extraInfo, cpes, scripts.stream().map(Script::toOutput).toList()));
        }
    }

    /** A script result; {@code vulnerabilities} are the entries that carry a CVSS score (e.g. from vulners). */
    public record Script(String id, String output, List<Vulnerability> vulnerabilities) {

        public Script {
            vulnerabilities = List.copyOf(vulnerabilities);
        }

        NmapOutput.Script toOutput() {
            return new NmapOutput.Script(id, output);
        }
    }

    /** {@code type}: what the entry is, as vulners says ({@code cve}, {@code exploitdb}, {@code githubexploit}, ...). */
    public record Vulnerability(String id, double cvss, boolean exploit, String type) {

        public Vulnerability(String id, double cvss, boolean exploit) {
            this(id, cvss, exploit, null);
        }

        /** A CVE, as opposed to a reference to an exploit or an advisory about one. */
        public boolean isCve() {
            return type == null ? id.startsWith("CVE-") : "cve".equalsIgnoreCase(type);
        }
    }
}
