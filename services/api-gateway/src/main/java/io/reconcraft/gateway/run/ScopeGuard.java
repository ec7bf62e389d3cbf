package io.reconcraft.gateway.run;

import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.events.model.InputEcho;
import io.reconcraft.events.model.NodeKind;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.events.model.WorkflowSnapshot;
import io.reconcraft.gateway.error.ApiException;
import io.reconcraft.gateway.error.FieldProblem;
import io.reconcraft.workflow.RepositoryHosts;
import io.reconcraft.workflow.Scope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The product's core promise: a live run never reaches a target outside the authorized list. */
@Component
class ScopeGuard {

    private final RepositoryHosts repositoryHosts;

    ScopeGuard(@Value("${reconcraft.scope.code-hosts:github.com,gitlab.com,bitbucket.org}") List<String> codeHosts) {
        this.repositoryHosts = new RepositoryHosts(codeHosts);
    }

    void requireAllowed(RunMode runMode, boolean authorizeTargets, List<String> targets, WorkflowSnapshot workflow,
            String workflowField, AuthorizedScope authorized) {
        if (runMode != RunMode.LIVE) {
            return;
        }
        if (!authorizeTargets) {
            throw ApiException.forbidden("a live run needs authorizeTargets: true (the operator's consent for this run)",
                    List.of(new FieldProblem("authorizeTargets", "must be true for a live run")));
        }
        Scope scope = Scope.of(authorized);
        List<FieldProblem> outside = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            addIfOutside(scope, targets.get(i), "targets[" + i + "]", outside);
        }
        List<WorkflowNode> nodes = workflow.nodes();
        for (int n = 0; n < nodes.size(); n++) {
            List<String> configured = configuredTargets(nodes.get(n));
            for (int i = 0; i < configured.size(); i++) {
                addIfOutside(scope, configured.get(i),
                        workflowField + "nodes[" + n + "].config.targets[" + i + "]", outside);
            }
            if (NodeKind.GITLEAKS.wireName().equals(nodes.get(n).kind()) && nodes.get(n).config().get("repoUrl") instanceof String repoUrl) {
                String field = workflowField + "nodes[" + n + "].config.repoUrl";
                repositoryHosts.refusedHost(repoUrl, scope).ifPresent(host -> outside.add(new FieldProblem(field,
                        "repository host '" + host + "' is neither an authorized target nor an allowed code host")));
            }
        }
        if (!outside.isEmpty()) {
            String names = outside.stream().map(FieldProblem::message).collect(Collectors.joining("; "));
            throw ApiException.forbidden(outside.size() + " target(s) are outside the authorized scope: " + names,
                    outside);
        }
    }

    private static void addIfOutside(Scope scope, String target, String field, List<FieldProblem> outside) {
        if (scope.outOfScope(List.of(target)).contains(target)) {
            outside.add(new FieldProblem(field, InputEcho.quoted(target) + " is not inside the authorized targets"));
        }
    }

    /** Targets a node names itself (for example nmap's {@code config.targets}); they must be in scope too. */
    static List<String> configuredTargets(WorkflowNode node) {
        Object value = node.config().get("targets");
        if (value instanceof String single) {
            return single.isBlank() ? List.of() : List.of(single.strip());
        }
        if (value instanceof Collection<?> many) {
            // Blank entries are kept so that reported indexes match the config; a blank is never in scope.
            return many.stream().map(v -> v == null ? "" : v.toString().strip()).toList();
        }
        return List.of();
    }
}
