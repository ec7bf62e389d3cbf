package io.reconcraft.toolrunner.scope;

import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.NodeKind;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.messaging.AuthorizedTargetsView;
import io.reconcraft.toolrunner.execution.StepInputException;
import io.reconcraft.toolrunner.execution.StepResult;
import io.reconcraft.toolrunner.execution.StepTargets;
import io.reconcraft.workflow.InvalidTargetException;
import io.reconcraft.workflow.RepositoryHosts;
import io.reconcraft.workflow.Scope;
import io.reconcraft.workflow.Target;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The last line of the product's promise, checked before anything runs in every mode: each target
 * is a valid target, and in live mode lies inside the authorized allow-list as the gateway holds it now
 * (its signed snapshot, read by {@link AuthorizedTargetsView}) and inside the scope the run was requested
 * with. The scope a request carries is never enough on its own: anyone who can reach the bus could write it.
 * Checked at every attempt, so a retry or a step after a long delay meets the allow-list of that moment.
 */
@Component
public class ScopeCheck {

    private final AuthorizedTargetsView allowList;
    private final ScopeProperties properties;
    private final RepositoryHosts repositoryHosts;

    public ScopeCheck(AuthorizedTargetsView allowList, ScopeProperties properties) {
        this.allowList = allowList;
        this.properties = properties;
        this.repositoryHosts = new RepositoryHosts(properties.codeHosts());
    }

    /** The failure to report instead of running the step, or empty when the step may run. */
    public Optional<StepResult> violation(StepRequested step) {
        if (step.runMode() == RunMode.DEMO) {
            return violation(step, List.of(), repositoryHosts);
        }
        List<String> authorized;
        try {
            authorized = allowList.entries(properties.allowListPatience());
        } catch (AuthorizedTargetsView.UnknownException e) {
            return Optional.of(StepResult.failed(StepOutcome.OUT_OF_SCOPE.wire(), "out of scope: " + e.getMessage()
                    + "; nothing runs until it is known"));
        }
        return violation(step, authorized, repositoryHosts);
    }

    /** The same check against a given allow-list. */
    public static Optional<StepResult> violation(StepRequested step, List<String> authorized,
            RepositoryHosts repositoryHosts) {
        List<String> targets;
        try {
            targets = StepTargets.named(step);
        } catch (StepInputException e) {
            return Optional.of(StepResult.failed(StepOutcome.INVALID_INPUT.wire(), e.getMessage()));
        }
        List<String> invalid = new ArrayList<>();
        for (String target : targets) {
            try {
                Target.parse(target);
            } catch (InvalidTargetException e) {
                invalid.add(e.getMessage());
            }
        }
        if (!invalid.isEmpty()) {
            return Optional.of(StepResult.failed(StepOutcome.OUT_OF_SCOPE.wire(),
                    "out of scope: invalid target " + String.join("; ", invalid)));
        }
        if (step.runMode() == RunMode.DEMO) {
            return Optional.empty();
        }
        Scope allowList = Scope.of(authorized);
        Scope requested = Scope.of(step.scope());
        Set<String> outside = new LinkedHashSet<>(allowList.outOfScope(targets));
        outside.addAll(requested.outOfScope(targets));
        if (!outside.isEmpty()) {
            return Optional.of(StepResult.failed(StepOutcome.OUT_OF_SCOPE.wire(),
                    "out of scope: " + String.join(", ", outside)));
        }
        if (step.kind() == NodeKind.GITLEAKS && step.config().get("repoUrl") instanceof String repoUrl) {
            Optional<String> refused = repositoryHosts.refusedHost(repoUrl, allowList);
            if (refused.isPresent()) {
                return Optional.of(StepResult.failed(StepOutcome.OUT_OF_SCOPE.wire(), "out of scope: repository host "
                        + refused.get() + " is neither an authorized target nor an allowed code host"));
            }
        }
        return Optional.empty();
    }
}
