package io.reconcraft.notifier.webhook;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/** Why an address is not a public unicast address a webhook may reach, if it is not. */
public final class AddressClass {

    private AddressClass() {
    }

    /** Empty for a public unicast address; otherwise the class that makes it off limits. */
    public static Optional<String> nonPublic(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        if (address instanceof Inet4Address) {
            return nonPublicIpv4(address.getAddress());
        }
        return nonPublicIpv6(address.getAddress());
    }

    private static Optional<String> nonPublicIpv4(byte[] a) {
        int first = a[0] & 0xff;
        int second = a[1] & 0xff;
        if (first == 0) {
            return Optional.of("unspecified");
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return Optional.of("private (carrier-grade NAT)");
        }
        if ((first == 192 && second == 0 && (a[2] & 0xff) == 0) || (first == 198 && (second == 18 || second == 19))) {
            return Optional.of("reserved");
        }
        if ((first == 192 && second == 0 && (a[2] & 0xff) == 2) || (first == 198 && second == 51 && (a[2] & 0xff) == 100)
                || (first == 203 && second == 0 && (a[2] & 0xff) == 113)) {
            return Optional.of("documentation");
        }
        if (first >= 240) {
            return Optional.of("reserved");
        }
        return Optional.empty();
    }

    private static Optional<String> nonPublicIpv6(byte[] a) {
        int first = a[0] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return Optional.of("unique-local");
        }
        if (first == 0xfe && (a[1] & 0xc0) == 0xc0) {
            return Optional.of("private (site-local)");
        }
        if (first == 0x20 && (a[1] & 0xff) == 0x01 && (a[2] & 0xff) == 0x0d && (a[3] & 0xff) == 0xb8) {
            return Optional.of("documentation");
        }
        // Addresses that embed an IPv4 address are judged by it: IPv4-compatible, NAT64 (64:ff9b::/96), 6to4 (2002::/16).
        if (isZero(a, 0, 12) || (first == 0x00 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b)) {
            return nonPublic(ipv4(Arrays.copyOfRange(a, 12, 16)));
        }
        if (first == 0x20 && (a[1] & 0xff) == 0x02) {
            return nonPublic(ipv4(Arrays.copyOfRange(a, 2, 6)));
        }
        return Optional.empty();
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

}
