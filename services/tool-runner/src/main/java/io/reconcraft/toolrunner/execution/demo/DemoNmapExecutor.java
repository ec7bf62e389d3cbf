package io.reconcraft.toolrunner.execution.demo;

import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.NmapOutput;
import io.reconcraft.events.model.NodeKind;
import io.reconcraft.events.model.Severity;
import io.reconcraft.toolrunner.execution.FindingFactory;
import io.reconcraft.toolrunner.execution.StepContext;
import io.reconcraft.toolrunner.execution.StepExecutor;
import io.reconcraft.toolrunner.execution.StepInputException;
import io.reconcraft.toolrunner.execution.StepLog;
import io.reconcraft.toolrunner.execution.StepResult;
import io.reconcraft.toolrunner.execution.StepTargets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Canned nmap: plausible port scans per target, derived from the target alone; sends no packets. */
public class DemoNmapExecutor implements StepExecutor {

    static final String TOOL = NodeKind.NMAP.wireName();
    private static final FindingFactory FINDINGS = new FindingFactory(TOOL);

    @Override
    public StepResult execute(StepContext context) {
        StepRequested step = context.step();
        StepLog log = context.log();
        List<String> targets = StepTargets.of(step);
        if (targets.isEmpty()) {
            throw new StepInputException("nmap needs at least one target");
        }
        List<NmapOutput.Host> hosts = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (String target : targets) {
            DemoHost host = DemoHost.of(target);
            scan(host, log);
            hosts.add(host.toOutput());
            findings.addAll(findingsOf(host));
        }
        return StepResult.succeeded(findings, new NmapOutput(hosts).toOutputs());
    }

    private static void scan(DemoHost host, StepLog log) {
        log.line("Starting Nmap 7.93 ( https://nmap.org ) against " + host.target() + " [demo mode: canned output, no packets sent]");
        log.line("Nmap scan report for " + host.address());
        log.line("Host is up (0.00" + (10 + DemoChoice.of("latency|" + host.target(), 80)) + "s latency).");
        log.line("Not shown: " + (1000 - host.ports().size()) + " closed tcp ports (conn-refused)");
        log.line("PORT     STATE SERVICE VERSION");
        for (DemoPort port : host.ports()) {
            log.line(String.format(Locale.ROOT, "%-8s %-5s %-7s %s %s", port.port() + "/" + port.protocol(),
                    port.state(), port.service(), port.product(), port.version()));
        }
        String scanned = String.format(Locale.ROOT, "%d.%02d", 1 + DemoChoice.of("time|" + host.target(), 9),
                DemoChoice.of("time-fraction|" + host.target(), 100));
        log.line("Nmap done: " + host.addressesScanned() + " (1 host up) scanned in " + scanned + " seconds");
        log.flush();
    }

    private static List<Finding> findingsOf(DemoHost host) {
        List<Finding> findings = new ArrayList<>();
        for (DemoPort port : host.ports()) {
            String portName = port.port() + "/" + port.protocol();
            findings.add(FINDINGS.finding(Severity.LOW, "Open port " + portName + " (" + port.service() + ")",
                    port.product() + " " + port.version() + " answers on " + host.address() + " port " + portName + ".",
                    port.service(), port.port(), host.target(), Map.of("address", host.address(), "state", port.state())));
            if (port.database()) {
                findings.add(FINDINGS.finding(Severity.MEDIUM, "Exposed database: " + port.product() + " on " + portName,
                        "A database server is reachable from the network; restrict it to the hosts that need it.",
                        port.service(), port.port(), host.target(), Map.of("address", host.address())));
            }
        }
        return findings;
    }

    record DemoPort(int port, String protocol, String state, String service, String product, String version,
                    boolean database) {

        NmapOutput.Port toOutput() {
            return new NmapOutput.Port(port, protocol, state, service, product, version);
        }
    }

    record DemoHost(String target, String address, String addressesScanned, List<DemoPort> ports) {

        static DemoHost of(String target) {
            List<DemoPort> ports = new ArrayList<>();
            ports.add(new DemoPort(22, "tcp", "open", "ssh", "OpenSSH", "9.2p1 Debian 2+deb12u3", false));
            boolean apache = DemoChoice.of("web|" + target, 2) == 0;
            String product = apache ? "Apache httpd" : "nginx";
            String version = apache ? "2.4.57" : "1.22.1";
            ports.add(new DemoPort(80, "tcp", "open", "http", product, version, false));
            ports.add(new DemoPort(443, "tcp", "open", "https", product, version, false));
            if (DemoChoice.of("mysql|" + target, 3) == 0) {
                ports.add(new DemoPort(3306, "tcp", "open", "mysql", "MySQL", "8.0.36", true));
            }
            int slash = target.indexOf('/');
            if (slash < 0) {
                return new DemoHost(target, target, "1 IP address", ports);
            }
            return new DemoHost(target, firstHost(target.substring(0, slash)),
                    addressCount(target.substring(0, slash), target.substring(slash + 1)), ports);
        }

        NmapOutput.Host toOutput() {
            return new NmapOutput.Host(address, target, null, null, ports.stream().map(DemoPort::toOutput).toList());
        }

        /** The one host a demo scan of a network "finds" up: the network's first address after its base. */
        private static String firstHost(String network) {
            if (network.endsWith("::")) {
                return network + "1";
            }
            if (network.endsWith(".0")) {
                return network.substring(0, network.length() - 1) + "1";
            }
            return network;
        }

        private static String addressCount(String network, String prefix) {
            int bits = network.contains(":") ? 128 : 32;
            try {
                int hostBits = bits - Integer.parseInt(prefix);
                if (hostBits == 0) {
                    return "1 IP address";
                }
                if (hostBits > 0 && hostBits < 31) {
                    return (1L << hostBits) + " IP addresses";
                }
            } catch (NumberFormatException e) {
                // the scope check already rejected malformed CIDRs; fall through to a neutral wording
            }
            return "many IP addresses";
        }
    }
}
