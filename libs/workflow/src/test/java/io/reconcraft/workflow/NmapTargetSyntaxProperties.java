package io.reconcraft.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** What nmap would expand or read as a number never passes as a hostname; what passes re-parses to itself. */
class NmapTargetSyntaxProperties {

    @Property
    void aSpecMadeOfNmapRangeCharactersIsNeverAHostname(@ForAll("rangeSpecs") String spec) {
        try {
            Target parsed = Target.parse(spec);
            assertThat(parsed.kind()).as(spec).isNotEqualTo(Target.Kind.HOSTNAME);
        } catch (InvalidTargetException refused) {
            // refused is fine
        }
    }

    @Property
    void aHexadecimalNumberIsNeverAHostname(@ForAll @IntRange(min = 0) int number, @ForAll boolean upper) {
        String spec = (upper ? "0X" : "0x") + Integer.toHexString(number);
        assertThatThrownBy(() -> Target.parse(spec)).isInstanceOf(InvalidTargetException.class);
    }

    @Property
    void anIpv4MappedIpv6BlockIsAlwaysRefused(@ForAll("octets") int a, @ForAll("octets") int b,
            @ForAll("octets") int c, @ForAll("octets") int d, @ForAll @IntRange(min = 96, max = 128) int prefix) {
        String spec = "::ffff:" + a + "." + b + "." + c + "." + d + "/" + prefix;
        assertThatThrownBy(() -> Target.parse(spec)).isInstanceOf(InvalidTargetException.class)
                .hasMessageContaining("IPv4-mapped");
    }

    @Property
    void theCanonicalFormOfAnAcceptedTargetIsAcceptedAndCoversExactlyTheSame(@ForAll("targets") String spec) {
        Target parsed = Target.parse(spec);
        Target again = Target.parse(parsed.canonical());

        assertThat(again.canonical()).isEqualTo(parsed.canonical());
        assertThat(again.contains(parsed)).isTrue();
        assertThat(parsed.contains(again)).isTrue();
    }

    @Provide
    Arbitrary<String> rangeSpecs() {
        return Arbitraries.strings().withChars("0123456789.-,*").ofMinLength(1).ofMaxLength(24);
    }

    @Provide
    Arbitrary<Integer> octets() {
        return Arbitraries.integers().between(0, 255);
    }

    @Provide
    Arbitrary<String> targets() {
        Arbitrary<String> ipv4 = Arbitraries.integers().between(0, 255).list().ofSize(4)
                .map(o -> o.get(0) + "." + o.get(1) + "." + o.get(2) + "." + o.get(3));
        Arbitrary<String> cidr = Arbitraries.integers().between(16, 32).flatMap(p -> ipv4.map(a -> a + "/" + p));
        Arbitrary<String> ipv6 = Arbitraries.integers().between(0, 0xffff).list().ofSize(8)
                .map(g -> String.join(":", g.stream().map(Integer::toHexString).toList()))
                .filter(a -> !a.startsWith("0:0:0:0:0:ffff:"));
        Arbitrary<String> host = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10)
                .list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(".", l));
        return Arbitraries.oneOf(ipv4, cidr, ipv6, host);
    }
}
