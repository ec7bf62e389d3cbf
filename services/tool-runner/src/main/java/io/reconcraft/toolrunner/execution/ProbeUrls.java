package io.reconcraft.toolrunner.execution;

import io.reconcraft.events.StepRequested;
import io.reconcraft.events.UpstreamOutput;
import io.reconcraft.events.model.NmapOutput;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
            NmapOutput scan;
            try {
                scan = NmapOutput.parse(output.outputs());
            } catch (IllegalArgumentException e) {
                throw badShape(output.nodeId(), e.getMessage());
            }
            for (NmapOutput.Host host : scan.hosts()) {
                for (NmapOutput.Port port : host.ports()) {
                    ProbeUrl url = urlOf(host.address(), port, everyOpenTcpPort);
                    if (url != null) {
                        urls.add(url);
                    }
                }
            }
        }
        return new ArrayList<>(urls);
    }

    private static ProbeUrl urlOf(String address, NmapOutput.Port port, boolean everyOpenTcpPort) {
        int portNumber = port.port();
        String service = String.valueOf(port.service());
        boolean httpNamed = service.equals("http") || service.equals("https") || service.equals("ssl/http")
                || service.equals("http-alt");
        boolean tcp = port.protocol() == null || "tcp".equals(port.protocol());
        if (!port.open() || !tcp) {
            return null;
        }
        if (!httpNamed) {
            if (!everyOpenTcpPort) {
                return null;
            }
            String authority = hostPart(address) + ":" + portNumber;
            return new ProbeUrl("http://" + authority, address, portNumber, textOrNull(port.product()),
                    textOrNull(port.version()), "https://" + authority);
        }
        String scheme = service.equals("http") || service.equals("http-alt") ? "http" : "https";
        boolean defaultPort = (scheme.equals("http") && portNumber == 80) || (scheme.equals("https") && portNumber == 443);
        String url = scheme + "://" + hostPart(address) + (defaultPort ? "" : ":" + portNumber);
        return new ProbeUrl(url, address, portNumber, textOrNull(port.product()), textOrNull(port.version()));
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
