package io.reconcraft.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ScopeProperties {

    @Property
    void anAddressInsideARandomCidrIsInScope(@ForAll("ipv4") long network, @ForAll @IntRange(min = 8, max = 32) int prefix,
                                            @ForAll("ipv4") long offset) {
        long base = network & mask(prefix);
        long inside = base | (offset & ~mask(prefix) & 0xFFFFFFFFL);
        Scope scope = Scope.of(List.of(dotted(base) + "/" + prefix));

        assertThat(scope.contains(dotted(inside))).isTrue();
    }

    @Property
    void anAddressOutsideARandomCidrIsOutOfScope(@ForAll("ipv4") long network, @ForAll @IntRange(min = 1, max = 32) int prefix,
                                                @ForAll("ipv4") long candidate) {
        long base = network & mask(prefix);
        Scope scope = Scope.of(List.of(dotted(base) + "/" + prefix));

        boolean reallyInside = (candidate & mask(prefix)) == base;
        assertThat(scope.contains(dotted(candidate))).isEqualTo(reallyInside);
        assertThat(scope.outOfScope(List.of(dotted(candidate)))).hasSize(reallyInside ? 0 : 1);
    }

    @Property
    void hostileStringsAreNeverAcceptedNorInScope(@ForAll("hostile") String raw) {
        assertThat(Target.isValid(raw)).isFalse();
        assertThat(Scope.of(List.of("0.0.0.0/0", "::/0")).contains(raw)).isFalse();
    }

    @Property
    void everyAcceptedTargetIsMadeOnlyOfHostCharacters(@ForAll String raw) {
        if (Target.isValid(raw)) {
            assertThat(raw.strip()).matches("[A-Za-z0-9.:/-]+");
        }
    }

    @Provide
    Arbitrary<Long> ipv4() {
        return Arbitraries.longs().between(0, 0xFFFFFFFFL);
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> host = Arbitraries.of("127.0.0.1", "10.0.0.1", "example.com", "::1");
        Arbitrary<String> poison = Arbitraries.of(";", "|", "&", "$(", "`", " ", "\n", "'", "\"", "<", ">", "\\",
                "*", "?", "%", "@", "#", "{", "}", "..", "/../", "\u0000");
        Arbitrary<String> tail = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10);
        return net.jqwik.api.Combinators.combine(host, poison, tail).as((h, p, t) -> h + p + t);
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    private static String dotted(long address) {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "." + (address & 255);
    }
}
