package io.reconcraft.workflow;

import io.reconcraft.events.model.InputEcho;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * A validated scan target: an IPv4 or IPv6 address, a CIDR block, or an RFC 1123 hostname.
 * Nothing else gets through, so no shell metacharacter, URL or path can ever reach a tool.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
public final class Target {

    public enum Kind { IPV4, IPV6, CIDR, HOSTNAME }

    private static final Pattern IPV4 = Pattern.compile("(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?");
    private static final Pattern ALL_NUMERIC = Pattern.compile("[0-9.]+");

    private final String value;
    private final Kind kind;
    private final BigInteger network;   // null for hostnames
    private final int prefix;           // address bits that are fixed
    private final int bits;             // 32 or 128

    public static Target parse(String raw) {
        return parse(raw, TargetPolicy.DEFAULT);
    }

    public static Target parse(String raw, TargetPolicy policy) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidTargetException("a target must not be empty");
        }
        String text = raw.strip();
        if (text.length() > 253) {
            throw new InvalidTargetException(InputEcho.quoted(text) + " is longer than 253 characters");
        }
        int slash = text.indexOf('/');
        if (slash >= 0) {
            return cidr(text, slash, policy);
        }
        if (text.indexOf(':') >= 0) {
            return address(text, parseIpv6(text));
        }
        if (IPV4.matcher(text).matches()) {
            return address(text, parseIpv4(text));
        }
        if (ALL_NUMERIC.matcher(text).matches()) {
            throw new InvalidTargetException(InputEcho.quoted(text) + " is not a valid IPv4 address");
        }
        return hostname(text);
    }

    public static boolean isValid(String raw) {
        try {
            parse(raw);
            return true;
        } catch (InvalidTargetException e) {
            return false;
        }
    }

    public String value() {
        return value;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The one spelling handed to a tool: the address or network exactly as checked (IPv6 written out by Java,
     * a CIDR block by its network address), or the lower-case hostname. Never the caller's text.
     */
    public String canonical() {
        if (kind == Kind.HOSTNAME) {
            return value;
        }
        String address = addressOf(network, bits).getHostAddress();
        return kind == Kind.CIDR ? address + "/" + prefix : address;
    }

    private static InetAddress addressOf(BigInteger number, int bits) {
        byte[] raw = number.toByteArray();
        byte[] bytes = new byte[bits / 8];
        int copy = Math.min(raw.length, bytes.length);
        System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + bits + " bits is always valid", e);
        }
    }

    /** True when every address (or the hostname) of {@code other} is covered by this target. */
    public boolean contains(Target other) {
        if (kind == Kind.HOSTNAME || other.kind == Kind.HOSTNAME) {
            return kind == other.kind && value.equalsIgnoreCase(other.value);
        }
        if (bits != other.bits || other.prefix < prefix) {
            return false;
        }
        return network.shiftRight(bits - prefix).equals(other.network.shiftRight(bits - prefix));
    }

    @Override
    public String toString() {
        return value;
    }

    private static Target cidr(String text, int slash, TargetPolicy policy) {
        String addressPart = text.substring(0, slash);
        String prefixPart = text.substring(slash + 1);
        if (!prefixPart.matches("\\d{1,3}")) {
            throw new InvalidTargetException(InputEcho.quoted(text) + " has no valid prefix length after '/'");
        }
        InetAddress address;
        if (addressPart.indexOf(':') >= 0) {
            address = parseIpv6(addressPart);
        } else if (IPV4.matcher(addressPart).matches()) {
            address = parseIpv4(addressPart);
        } else {
            throw new InvalidTargetException(InputEcho.quoted(text) + " is not a CIDR block (address/prefix)");
        }
        int bits = address instanceof Inet4Address ? 32 : 128;
        int prefix = Integer.parseInt(prefixPart);
        if (prefix > bits) {
            throw new InvalidTargetException(InputEcho.quoted(text) + " has a prefix longer than " + bits + " bits");
        }
        int widest = bits == 32 ? policy.minIpv4Prefix() : policy.minIpv6Prefix();
        if (prefix < widest) {
            throw new InvalidTargetException(InputEcho.quoted(text) + " is wider than the allowed /" + widest);
        }
        BigInteger network = new BigInteger(1, address.getAddress()).shiftRight(bits - prefix).shiftLeft(bits - prefix);
        return new Target(text, Kind.CIDR, network, prefix, bits);
    }

    private static Target address(String text, InetAddress address) {
        int bits = address instanceof Inet4Address ? 32 : 128;
        Kind kind = bits == 32 ? Kind.IPV4 : Kind.IPV6;
        return new Target(text, kind, new BigInteger(1, address.getAddress()), bits, bits);
    }

    private static Target hostname(String text) {
        String host = text.toLowerCase(Locale.ROOT);
        String[] labels = host.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new InvalidTargetException(InputEcho.quoted(text)
                        + "' is not an IP address, CIDR block or RFC 1123 hostname");
            }
        }
        // nmap (and the resolver behind it) reads names whose last label starts with a digit as addresses or
        // ranges: 0-255.0-255.0-255.0-255, 127.0.0.1-255, 0x7f000001, 0177.1. Top-level labels start with a letter.
        if (!Character.isLetter(labels[labels.length - 1].charAt(0))) {
            throw new InvalidTargetException(InputEcho.quoted(text) + " is not a hostname: its last label must"
                    + " start with a letter (nmap would read it as an address or an address range)");
        }
        return new Target(host, Kind.HOSTNAME, null, 0, 0);
    }

    private static InetAddress parseIpv4(String text) {
        for (String octet : text.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                throw new InvalidTargetException(InputEcho.quoted(text) + " is not a valid IPv4 address");
            }
        }
        return literal(text);
    }

    private static InetAddress parseIpv6(String text) {
        // Only hex digits, colons and dots: no zone ids, no brackets, and never a DNS lookup.
        if (!IPV6_CHARS.matcher(text).matches() || text.length() > 45) {
            throw new InvalidTargetException(InputEcho.quoted(text) + " is not a valid IPv6 address");
        }
        InetAddress address = literal(text);
        if (address instanceof Inet4Address) {
            // Java reads ::ffff:a.b.c.d as the IPv4 address, nmap as IPv6: a /32 would be ::/32 to nmap.
            throw new InvalidTargetException(InputEcho.quoted(text) + " is an IPv4-mapped IPv6 address; write the"
                    + " IPv4 address (" + address.getHostAddress() + ") instead");
        }
        return address;
    }

    private static InetAddress literal(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException | RuntimeException e) {
            throw new InvalidTargetException(InputEcho.quoted(text) + " is not a valid IP address");
        }
    }
}
