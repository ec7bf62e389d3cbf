package io.reconcraft.orchestrator.execute;

import io.reconcraft.events.model.NodeKind;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.orchestrator.condition.ConditionEvaluator;
import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.orchestrator.store.StepResult;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** Evaluates {@code config.condition}; the result decides which outgoing edges ("true"/"false") are taken. */
@Component
@RequiredArgsConstructor
public class ConditionExecutor implements InternalStepExecutor {

    private final ConditionEvaluator evaluator;

    @Override
    public NodeKind kind() {
        return NodeKind.CONDITION;
    }

    @Override
    public InternalOutcome execute(StepContext context) {
        Object expression = context.node().config().get("condition");
        if (!(expression instanceof String text)) {
            return failed("config.condition must be a string expression, for example \"findings.length > 0\"");
        }
        try {
            boolean result = evaluator.evaluate(text, context.upstream());
            StepResult outcome = new StepResult(RunStatus.SUCCEEDED, null, null, List.of(),
                    Map.of("condition", text, "result", result), result);
            return new InternalOutcome.Completed(outcome,
                    List.of("condition '" + text + "' is " + result + ": taking the '" + result + "' branch"));
        } catch (IllegalArgumentException e) {
            return failed(e.getMessage());
        }
    }

    private static InternalOutcome failed(String reason) {
        return new InternalOutcome.Completed(StepResult.failed(StepOutcome.INVALID_CONFIG.wire(), reason),
                List.of("condition failed: " + reason));
    }
}
