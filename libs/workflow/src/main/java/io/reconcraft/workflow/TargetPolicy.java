package io.reconcraft.workflow;

/**
 * Limits on what a target may be.
 *
 * @param minIpv4Prefix the widest IPv4 CIDR accepted (16 = at most 65,536 addresses)
 * @param minIpv6Prefix the widest IPv6 CIDR accepted
 */
public record TargetPolicy(int minIpv4Prefix, int minIpv6Prefix) {

    public static final TargetPolicy DEFAULT = new TargetPolicy(16, 64);

    public TargetPolicy {
        if (minIpv4Prefix < 0 || minIpv4Prefix > 32 || minIpv6Prefix < 0 || minIpv6Prefix > 128) {
            throw new IllegalArgumentException("prefix limits out of range");
        }
    }
}
