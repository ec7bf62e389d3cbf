package io.reconcraft.toolrunner.execution.live;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Damaged copies of a tool's real output, for the parsers' property tests. */
public final class OutputMutations {

    private OutputMutations() {
    }

    /** The output cut off anywhere. */
    public static Arbitrary<byte[]> truncated(byte[] real) {
        return Arbitraries.integers().between(0, real.length).map(length -> Arrays.copyOf(real, length));
    }

    /** Up to 40 characters anywhere replaced by one of {@code hostile} or by a short random string. */
    public static Arbitrary<byte[]> mutated(byte[] real, String... hostile) {
        String text = new String(real, StandardCharsets.UTF_8);
        Arbitrary<Integer> position = Arbitraries.integers().between(0, text.length());
        Arbitrary<Integer> span = Arbitraries.integers().between(0, 40);
        Arbitrary<String> insert = Arbitraries.oneOf(Arbitraries.of(hostile), Arbitraries.strings().ofMaxLength(8));
        return Combinators.combine(position, span, insert).as((at, length, snippet) -> {
            int end = Math.min(text.length(), at + length);
            return (text.substring(0, at) + snippet + text.substring(end)).getBytes(StandardCharsets.UTF_8);
        });
    }
}
