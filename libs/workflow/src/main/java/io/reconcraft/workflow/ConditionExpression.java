package io.reconcraft.workflow;

import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionException;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * A condition node's expression, such as {@code findings.length > 0}. Evaluated by SpEL against a
 * read-only {@link SimpleEvaluationContext}: properties and operators only — no type references,
 * no constructors, no bean references, no method calls — and a length limit.
 */
public final class ConditionExpression {

    public static final int MAX_LENGTH = 500;

    private static final SpelExpressionParser PARSER = new SpelExpressionParser();

    private final String source;
    private final Expression expression;

    private ConditionExpression(String source, Expression expression) {
        this.source = source;
        this.expression = expression;
    }

    public static ConditionExpression parse(String source) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a condition must not be empty");
        }
        if (source.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a condition is limited to " + MAX_LENGTH + " characters");
        }
        try {
            return new ConditionExpression(source, PARSER.parseExpression(source));
        } catch (ExpressionException e) {
            throw new IllegalArgumentException("not a valid expression: " + e.getSimpleMessage());
        }
    }

    /** Evaluates against {@code root}; any failure (including a forbidden construct) is an IllegalArgumentException. */
    public boolean evaluate(Object root) {
        EvaluationContext context = SimpleEvaluationContext.forReadOnlyDataBinding().withRootObject(root).build();
        try {
            Boolean result = expression.getValue(context, Boolean.class);
            if (result == null) {
                throw new IllegalArgumentException("condition '" + source + "' gave no value");
            }
            return result;
        } catch (ExpressionException e) {
            throw new IllegalArgumentException("condition '" + source + "' failed: " + e.getSimpleMessage());
        }
    }

    public String source() {
        return source;
    }
}
