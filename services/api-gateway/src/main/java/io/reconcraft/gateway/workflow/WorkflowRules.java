package io.reconcraft.gateway.workflow;

import io.reconcraft.gateway.error.ApiException;
import io.reconcraft.gateway.error.FieldProblem;
import io.reconcraft.gateway.integrations.WebhookProperties;
import io.reconcraft.workflow.TargetPolicy;
import io.reconcraft.workflow.WorkflowValidator;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Checks a whole workflow with the shared validator and reports every problem at once. */
@Component
public class WorkflowRules {

    private static final int MAX_NAME_LENGTH = 200;

    private final WorkflowValidator validator;

    /** The configured webhook rule (reconcraft.webhooks.*), the same the notifier obeys, not the defaults. */
    public WorkflowRules(WebhookProperties webhooks) {
        this.validator = new WorkflowValidator(TargetPolicy.DEFAULT, webhooks.rule());
    }

    public void requireValid(WorkflowInput input, String fieldPrefix) {
        List<FieldProblem> problems = problemsOf(input, fieldPrefix);
        if (!problems.isEmpty()) {
            throw ApiException.invalid("the workflow has " + problems.size() + " problem(s)", problems);
        }
    }

    public List<FieldProblem> problemsOf(WorkflowInput input, String fieldPrefix) {
        List<FieldProblem> problems = new ArrayList<>();
        if (input.name() == null || input.name().isBlank()) {
            problems.add(new FieldProblem(fieldPrefix + "name", "a workflow needs a name"));
        } else if (input.name().length() > MAX_NAME_LENGTH) {
            problems.add(new FieldProblem(fieldPrefix + "name", "at most " + MAX_NAME_LENGTH + " characters"));
        }
        try {
            validator.check(input.snapshot(input.id())).forEach(problem ->
                    problems.add(new FieldProblem(fieldPrefix + problem.field(), problem.message())));
        } catch (RuntimeException e) {
            // A graph too broken for the validator to walk is still bad input, not a server error.
            problems.add(new FieldProblem(fieldPrefix + "nodes", "the graph could not be read: " + e.getMessage()));
        }
        ConfigKeys.check(input.nodes(), fieldPrefix, problems);
        return problems;
    }
}
