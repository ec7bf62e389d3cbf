package io.reconcraft.toolrunner.execution;

import io.reconcraft.events.model.StepOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.EventCodec;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A StepCompleted must fit Kafka's request limit; tools may print far more than that. */
class ResultSizeLimitTest {

    private static final int LIMIT = 900_000;
    private final ResultSizeLimit limit = new ResultSizeLimit(new ResultLimitProperties(null));

    private static StepCompleted completed(List<Finding> findings, Map<String, Object> outputs) {
        return new StepCompleted("run-1:scan", "scan", 1, RunStatus.SUCCEEDED, null, null, findings, outputs);
    }

    private static int size(StepCompleted completed) {
        return EventCodec.write(EventEnvelope.of("run-1", completed)).length;
    }

    private static Finding finding(int i) {
        return new Finding("f-" + i, Severity.LOW, "Open port " + i, "x".repeat(1000), "svc", i, "127.0.0.1", "nmap",
                "fp-" + i, Map.of("i", i));
    }

    @Test
    void givenAResultUnderTheLimit_whenFitted_thenItIsSentAsItIs() {
        StepCompleted small = completed(List.of(finding(1)), Map.of("hosts", List.of("127.0.0.1")));

        assertThat(limit.fit("run-1", small)).isSameAs(small);
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenSixteenMegabytesOfOutput_whenFitted_thenItFitsKeepsTheHeadOfEachBigOutputAndSaysWhatWasCut() {
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("raw", "y".repeat(16 * 1024 * 1024));
        outputs.put("hosts", IntStream.range(0, 200_000).mapToObj(i -> "host-" + i).toList());
        outputs.put("summary", "3 hosts up");
        StepCompleted huge = completed(List.of(finding(1)), outputs);

        StepCompleted fitted = limit.fit("run-1", huge);

        assertThat(size(fitted)).isLessThanOrEqualTo(LIMIT);
        assertThat(fitted.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(fitted.findings()).hasSize(1);
        assertThat(fitted.outputs()).containsEntry("summary", "3 hosts up").containsKey(ResultSizeLimit.NOTE);
        assertThat((List<Object>) fitted.outputs().get("hosts")).startsWith("host-0", "host-1");
        assertThat(fitted.outputs().get(ResultSizeLimit.NOTE).toString()).contains("larger than the 900000-byte event limit");
    }

    @Test
    void givenTooManyFindings_whenFitted_thenTheFirstOnesAreKeptAndTheCutIsNoted() {
        List<Finding> findings = new ArrayList<>();
        IntStream.range(0, 5000).forEach(i -> findings.add(finding(i)));

        StepCompleted fitted = limit.fit("run-1", completed(findings, Map.of()));

        assertThat(size(fitted)).isLessThanOrEqualTo(LIMIT);
        assertThat(fitted.findings()).isNotEmpty().hasSizeLessThan(5000).first().isEqualTo(findings.get(0));
        assertThat(fitted.outputs().get(ResultSizeLimit.NOTE).toString()).contains("findings: the first");
    }

    @Test
    void givenAResultThatCannotBeCutToSize_whenFitted_thenTheStepFailsWithTheReason() {
        StepCompleted hopeless = new StepCompleted("run-1:scan", "scan", 1, RunStatus.FAILED, StepOutcome.ERROR,
                "e".repeat(2_000_000), List.of(), Map.of());

        StepCompleted fitted = limit.fit("run-1", hopeless);

        assertThat(size(fitted)).isLessThanOrEqualTo(LIMIT);
        assertThat(fitted.status()).isEqualTo(RunStatus.FAILED);
        assertThat(fitted.outcome()).isEqualTo(StepOutcome.ERROR);
        assertThat(fitted.error()).contains("does not fit the 900000-byte event limit");
    }
}
