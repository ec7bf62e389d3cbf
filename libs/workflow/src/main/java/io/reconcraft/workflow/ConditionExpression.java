package io.reconcraft.workflow;

import java.util.Optional;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionException;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.Assign;
import org.springframework.expression.spel.ast.BeanReference;
import org.springframework.expression.spel.ast.ConstructorReference;
import org.springframework.expression.spel.ast.FunctionReference;
import org.springframework.expression.spel.ast.MethodReference;
import org.springframework.expression.spel.ast.OpDec;
import org.springframework.expression.spel.ast.OpInc;
import org.springframework.expression.spel.ast.TypeReference;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * A condition node's expression, such as {@code findings.length > 0}. Evaluated by SpEL against a
 * read-only {@link SimpleEvaluationContext}: properties and operators only — no type references,
 * no constructors, no bean references, no method calls, no assignments, no variables but {@code #this} and
 * {@code #root} — rejected already by {@link #parse} — and a length limit.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
public final class ConditionExpression {

    public static final int MAX_LENGTH = 500;

    private static final SpelExpressionParser PARSER = new SpelExpressionParser();
    private static final Set<String> READABLE_VARIABLES = Set.of("#this", "#root");

    private final String source;
    private final Expression expression;

    public static ConditionExpression parse(String source) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a condition must not be empty");
        }
        if (source.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a condition is limited to " + MAX_LENGTH + " characters");
        }
        SpelExpression expression;
        try {
            expression = PARSER.parseRaw(source);
        } catch (ExpressionException e) {
            throw new IllegalArgumentException("not a valid expression: " + e.getSimpleMessage());
        }
        rejectForbidden(expression.getAST());
        return new ConditionExpression(source, expression);
    }

    /**
     * Rejects, when the workflow is saved rather than when it runs, every construct that could do more
     * than read the upstream facts. Evaluation refuses them as well; this makes the error a 400 on save.
     */
    private static void rejectForbidden(SpelNode node) {
        forbidden(node).ifPresent(what -> {
            throw new IllegalArgumentException("a condition may only read values and compare them: "
                    + what + " is not allowed (" + node.toStringAST() + ")");
        });
        for (int i = 0; i < node.getChildCount(); i++) {
            rejectForbidden(node.getChild(i));
        }
    }

    private static Optional<String> forbidden(SpelNode node) {
        if (node instanceof TypeReference) {
            return Optional.of("a type reference T(...)");
        }
        if (node instanceof ConstructorReference) {
            return Optional.of("a constructor call (new)");
        }
        if (node instanceof BeanReference) {
            return Optional.of("a bean reference (@...)");
        }
        if (node instanceof MethodReference || node instanceof FunctionReference) {
            return Optional.of("a method call");
        }
        if (node instanceof Assign || node instanceof OpInc || node instanceof OpDec) {
            return Optional.of("an assignment");
        }
        // #this and #root name the value being read (as in ports.?[#this == 23]); there are no other variables.
        if (node instanceof VariableReference variable && !READABLE_VARIABLES.contains(variable.toStringAST())) {
            return Optional.of("a variable reference");
        }
        return Optional.empty();
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
