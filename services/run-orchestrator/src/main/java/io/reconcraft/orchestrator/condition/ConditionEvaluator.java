package io.reconcraft.orchestrator.condition;

import io.reconcraft.events.UpstreamOutput;
import io.reconcraft.workflow.ConditionExpression;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Evaluates a condition node's expression over its upstream outputs with the shared
 * {@link ConditionExpression} (SpEL, read-only context, no types, constructors, beans or method calls).
 */
@Component
public class ConditionEvaluator {

    /** @throws IllegalArgumentException with a readable reason when the expression is empty, too long, malformed, forbidden or not boolean */
    public boolean evaluate(String expression, List<UpstreamOutput> upstream) {
        return ConditionExpression.parse(expression).evaluate(ConditionFacts.of(upstream));
    }
}
