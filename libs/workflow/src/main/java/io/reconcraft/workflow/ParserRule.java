package io.reconcraft.workflow;

import io.reconcraft.events.model.InputEcho;
import io.reconcraft.events.model.Severity;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * One rule of a {@code parser} node: {@code <condition> -> <severity> "<title>"}, for example
 * {@code port == 23 -> high "Telnet exposed"} or {@code service == 'mysql' and state == 'open' -> medium
 * "Database reachable"}. The condition is evaluated like a condition node's ({@link ConditionExpression}:
 * read-only SpEL, no types, constructors, beans or method calls, at most 500 characters) against one
 * {@link RuleSubject} at a time — an upstream finding, an open port or an HTTP response — and when it is
 * true the parser reports a finding with that severity and title. Severity is low, medium, high or
 * critical; the title is 1 to 200 characters inside double quotes, without a double quote in it.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
public final class ParserRule {

    public static final int MAX_TITLE = 200;

    // Greedy condition: the LAST "->" that is followed by a severity and a quoted title splits the rule,
    // so a condition may compare with a literal that contains "->".
    private static final Pattern SYNTAX = Pattern.compile("^(.+)->\\s*([A-Za-z]+)\\s+\"([^\"]*)\"\\s*$", Pattern.DOTALL);
    private static final String FORM = "a rule is written <condition> -> <severity> \"<title>\", "
            + "for example: port == 23 -> high \"Telnet exposed\"";

    private final String source;
    private final ConditionExpression condition;
    private final Severity severity;
    private final String title;

    /** @throws IllegalArgumentException saying what is wrong with the rule */
    public static ParserRule parse(String source) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a rule must not be empty; " + FORM);
        }
        Matcher matcher = SYNTAX.matcher(source.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(FORM);
        }
        Severity severity = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "low" -> Severity.LOW;
            case "medium" -> Severity.MEDIUM;
            case "high" -> Severity.HIGH;
            case "critical" -> Severity.CRITICAL;
            default -> throw new IllegalArgumentException("severity " + InputEcho.quoted(matcher.group(2))
                    + " is not one of low, medium, high, critical");
        };
        String title = matcher.group(3).strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            throw new IllegalArgumentException("the title must be 1 to " + MAX_TITLE + " characters");
        }
        return new ParserRule(source, ConditionExpression.parse(matcher.group(1).strip()), severity, title);
    }

    /**
     * The severity and title to report when the condition holds for {@code subject}.
     *
     * @throws IllegalArgumentException when the condition cannot be evaluated (for example it is not boolean)
     */
    public Optional<Match> apply(RuleSubject subject) {
        return condition.evaluate(subject) ? Optional.of(new Match(severity, title)) : Optional.empty();
    }

    public String source() {
        return source;
    }

    public Severity severity() {
        return severity;
    }

    public String title() {
        return title;
    }

    public record Match(Severity severity, String title) {
    }
}
