package io.reconcraft.toolrunner.execution;

import io.reconcraft.events.StepRequested;
import io.reconcraft.events.UpstreamOutput;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The URLs an HTTP probe visits: the open HTTP-like ports that upstream scans found, or, with no
 * upstream scan, http:// and https:// of each target. Upstream output of the wrong shape is an error.
 */
public final class ProbeUrls {

    /** {@code fallbackUrl}: https to try when the http {@code url} of a port of unknown service did not answer. */
    public record ProbeUrl(String url, String host, int port, String product, String version, String fallbackUrl) {

        public ProbeUrl(String url, String host, int port, String product, String version) {
            this(url, host, port, product, version, null);
        }
    }

    private ProbeUrls() {
    }

    public static List<ProbeUrl> of(StepRequested step) {
        return of(step, false);
    }

    /**
     * With {@code everyOpenTcpPort}, every open TCP port found upstream is probed, not only those a scan named
     * http or https (a connect scan without -sV names most ports "unknown"): http first, then https when http
     * got no answer — the way httpx probes what naabu found.
     */
    public static List<ProbeUrl> of(StepRequested step, boolean everyOpenTcpPort) {
        List<ProbeUrl> fromUpstream = fromUpstream(step.upstream(), everyOpenTcpPort);
        if (!fromUpstream.isEmpty()) {
            return fromUpstream;
        }
        List<ProbeUrl> urls = new ArrayList<>();
        for (String target : StepTargets.of(step)) {
            if (target.contains("/")) {
                throw new StepInputException("http-probe cannot probe the network " + target + " without an upstream scan; put an nmap node before it");
            }
            urls.add(new ProbeUrl("http://" + hostPart(target), target, 80, null, null));
            urls.add(new ProbeUrl("https://" + hostPart(target), target, 443, null, null));
        }
        if (urls.isEmpty()) {
            throw new StepInputException("http-probe needs targets or an upstream scan with open HTTP ports");
        }
        return urls;
    }

    private static List<ProbeUrl> fromUpstream(List<UpstreamOutput> upstream, boolean everyOpenTcpPort) {
        Set<ProbeUrl> urls = new LinkedHashSet<>();
        for (UpstreamOutput output : upstream) {
            Object hosts = output.outputs().get("hosts");
            if (hosts == null) {
                continue;
            }
            for (Map<?, ?> host : maps(hosts, output.nodeId(), "hosts")) {
                if (!(host.get("address") instanceof String address) || address.isBlank()) {
                    throw badShape(output.nodeId(), "a host without an address");
                }
                Object ports = host.get("ports");
                for (Map<?, ?> port : ports == null ? List.<Map<?, ?>>of() : maps(ports, output.nodeId(), "ports")) {
                    ProbeUrl url = urlOf(address, port, output.nodeId(), everyOpenTcpPort);
                    if (url != null) {
                        urls.add(url);
                    }
                }
            }
        }
        return new ArrayList<>(urls);
    }

    private static ProbeUrl urlOf(String address, Map<?, ?> port, String nodeId, boolean everyOpenTcpPort) {
        if (!(port.get("port") instanceof Number number) || number.intValue() < 1 || number.intValue() > 65535) {
            throw badShape(nodeId, "a port that is not a number between 1 and 65535");
        }
        String service = String.valueOf(port.get("service"));
        boolean httpNamed = service.equals("http") || service.equals("https") || service.equals("ssl/http")
                || service.equals("http-alt");
        boolean tcp = port.get("protocol") == null || "tcp".equals(port.get("protocol"));
        if (!"open".equals(port.get("state")) || !tcp) {
            return null;
        }
        if (!httpNamed) {
            if (!everyOpenTcpPort) {
                return null;
            }
            String authority = hostPart(address) + ":" + number.intValue();
            return new ProbeUrl("http://" + authority, address, number.intValue(), textOrNull(port.get("product")),
                    textOrNull(port.get("version")), "https://" + authority);
        }
        int portNumber = number.intValue();
        String scheme = service.equals("http") || service.equals("http-alt") ? "http" : "https";
        boolean defaultPort = (scheme.equals("http") && portNumber == 80) || (scheme.equals("https") && portNumber == 443);
        String url = scheme + "://" + hostPart(address) + (defaultPort ? "" : ":" + portNumber);
        return new ProbeUrl(url, address, portNumber, textOrNull(port.get("product")), textOrNull(port.get("version")));
    }

    private static List<Map<?, ?>> maps(Object value, String nodeId, String field) {
        if (!(value instanceof List<?> items)) {
            throw badShape(nodeId, "'" + field + "' that is not a list");
        }
        List<Map<?, ?>> maps = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> map)) {
                throw badShape(nodeId, "an entry of '" + field + "' that is not an object");
            }
            maps.add(map);
        }
        return maps;
    }

    private static StepInputException badShape(String nodeId, String what) {
        return new StepInputException("upstream output of node " + nodeId + " has " + what);
    }

    private static String hostPart(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static String textOrNull(Object value) {
        return value instanceof String text && !text.isBlank() ? text : null;
    }
}
