package io.reconcraft.toolrunner.execution.live.gitleaks;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.toolrunner.execution.live.nmap.SharedFixtures;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever gitleaks (or something pretending to be it) writes, the parser reads it or fails with a reason. */
class GitleaksReportParserProperties {

    private static final byte[] REAL = SharedFixtures.bytes("gitleaks/gitleaks-v8-many.json");
    private static final String[] HOSTILE_SNIPPETS = {"{", "}", "[", "]", ",", "\"", ":", "null", "\"StartLine\": -1",
            "\"StartLine\": 99999999999", "\"RuleID\": {}", "\"Secret\": [1]", "1e400", "\\u0000", "\u0000", "[[[[[[[[",
            "\"RuleID\": null", "NaN", "true"};

    @Property(tries = 500)
    void mutatedReportsAreReadOrRejectedWithAReason(@ForAll("mutatedJson") byte[] json) {
        assertParsesOrFailsWithAReason(json);
    }

    @Property(tries = 300)
    void truncatedReportsAreReadOrRejectedWithAReason(@ForAll("truncatedJson") byte[] json) {
        assertParsesOrFailsWithAReason(json);
    }

    @Property(tries = 300)
    void randomBytesAreRejectedWithAReason(@ForAll byte[] noise) {
        assertParsesOrFailsWithAReason(noise);
    }

    private static void assertParsesOrFailsWithAReason(byte[] json) {
        try {
            List<GitleaksLeak> leaks = GitleaksReportParser.parse(json);
            assertThat(leaks).allSatisfy(leak -> {
                assertThat(leak.rule()).isNotBlank();
                assertThat(leak.redactedSecret()).endsWith(GitleaksLeak.REDACTED).hasSizeLessThanOrEqualTo(13);
            });
        } catch (GitleaksReportException e) {
            assertThat(e.getMessage()).startsWith("gitleaks report could not be parsed: ").hasSizeLessThan(200)
                    .doesNotContain("secretAWSsecret");
        }
    }

    @Provide
    Arbitrary<byte[]> truncatedJson() {
        return Arbitraries.integers().between(0, REAL.length).map(length -> Arrays.copyOf(REAL, length));
    }

    @Provide
    Arbitrary<byte[]> mutatedJson() {
        String real = new String(REAL, StandardCharsets.UTF_8);
        Arbitrary<Integer> position = Arbitraries.integers().between(0, real.length());
        Arbitrary<Integer> span = Arbitraries.integers().between(0, 40);
        Arbitrary<String> insert = Arbitraries.oneOf(Arbitraries.of(HOSTILE_SNIPPETS), Arbitraries.strings().ofMaxLength(8));
        return Combinators.combine(position, span, insert).as((at, length, text) -> {
            int end = Math.min(real.length(), at + length);
            return (real.substring(0, at) + text + real.substring(end)).getBytes(StandardCharsets.UTF_8);
        });
    }
}
