package io.reconcraft.gateway.workflow;

import io.reconcraft.events.model.InputEcho;
import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.gateway.error.FieldProblem;
import java.util.List;
import java.util.Map;

/**
 * Node config keys must be storable as they are: MongoDB (BSON) refuses a NUL in a key and treats keys with a
 * {@code .} or a leading {@code $} as paths and operators. Such a key is bad input (400 naming the node), not a
 * failed save (500), and not a run whose audit records cannot be stored.
 */
final class ConfigKeys {

    private ConfigKeys() {
    }

    static void check(List<WorkflowNode> nodes, String fieldPrefix, List<FieldProblem> problems) {
        for (int i = 0; i < nodes.size(); i++) {
            WorkflowNode node = nodes.get(i);
            if (node != null) {
                check(node.config(), fieldPrefix + "nodes[" + i + "].config", problems);
            }
        }
    }

    private static void check(Object value, String field, List<FieldProblem> problems) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> {
                String name = String.valueOf(key);
                if (name.indexOf('\0') >= 0 || name.indexOf('.') >= 0 || name.startsWith("$")) {
                    problems.add(new FieldProblem(field, "the key " + InputEcho.quoted(name)
                            + " is not allowed: keys must not contain NUL or '.', or start with '$'"));
                } else {
                    check(inner, field + "." + InputEcho.shortened(name), problems);
                }
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                check(list.get(i), field + "[" + i + "]", problems);
            }
        }
    }
}
