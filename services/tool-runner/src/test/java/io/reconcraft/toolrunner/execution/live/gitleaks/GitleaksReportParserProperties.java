package io.reconcraft.toolrunner.execution.live.gitleaks;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.toolrunner.execution.live.OutputMutations;
import io.reconcraft.toolrunner.execution.live.nmap.SharedFixtures;
import java.util.List;
import net.jqwik.api.Arbitrary;
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
        return OutputMutations.truncated(REAL);
    }

    @Provide
    Arbitrary<byte[]> mutatedJson() {
        return OutputMutations.mutated(REAL, HOSTILE_SNIPPETS);
    }
}
