package io.reconcraft.toolrunner.execution.live.http;

import io.reconcraft.workflow.InvalidTargetException;
import io.reconcraft.workflow.Scope;
import io.reconcraft.workflow.Target;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Decides whether the probe may connect to a host, and to which addresses: the host must be inside the run's
 * scope, and so must every address it resolves to — unless the address is public and the scope authorized the
 * name. A loopback, link-local (cloud metadata), private, or otherwise internal answer is refused unless that
 * address is itself authorized. The probe then connects only to the addresses checked here (pinned), so a second
 * DNS answer cannot point the connection elsewhere.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class HostGate {

    /** Resolves a name; the system resolver in production, a fixed answer in tests. */
    interface Resolver {
        Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /** Either the addresses to connect to, or why not. */
    record Decision(List<InetAddress> addresses, String refusal) {
        static Decision refused(String why) {
            return new Decision(List.of(), why);
        }
    }

    private final Scope scope;
    private final boolean enforce;
    private final Resolver resolver;

    Decision check(String host) {
        Target target;
        try {
            target = Target.parse(host);
        } catch (InvalidTargetException e) {
            return Decision.refused("out of scope: invalid host " + host);
        }
        if (enforce && !scope.contains(target.value())) {
            return Decision.refused("out of scope: " + host);
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(target.kind() == Target.Kind.HOSTNAME ? target.value() : target.canonical());
        } catch (UnknownHostException e) {
            return Decision.refused("host " + host + " does not resolve");
        }
        if (addresses.isEmpty()) {
            return Decision.refused("host " + host + " does not resolve");
        }
        if (enforce && target.kind() == Target.Kind.HOSTNAME) {
            for (InetAddress address : addresses) {
                String literal = address.getHostAddress();
                String internal = internalKind(address);
                if (internal != null && !scope.contains(literal)) {
                    return Decision.refused("out of scope: " + host + " resolves to " + literal + " (" + internal
                            + "), which is not an authorized target");
                }
            }
        }
        return new Decision(List.copyOf(addresses), null);
    }

    /** What kind of non-public address this is, or null for a public one. */
    static String internalKind(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc) {
            return "unique-local";
        }
        if (bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64) {
            return "shared address space";
        }
        if (bytes.length == 4 && (bytes[0] & 0xff) == 0) {
            return "this-network";
        }
        return null;
    }
}
