package io.reconcraft.workflow;

import io.reconcraft.events.model.AuthorizedScope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The authorized targets of a run. A target is inside when an entry contains it completely:
 * the same host, or an address or CIDR block inside an authorized CIDR block.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
public final class Scope {

    /** Size limits apply when targets are entered, not when an already-authorized scope is read. */
    private static final TargetPolicy ANY_SIZE = new TargetPolicy(0, 0);

    private final List<Target> entries;

    public static Scope of(AuthorizedScope scope) {
        return of(scope.entries());
    }

    public static Scope of(Collection<String> values) {
        List<Target> entries = new ArrayList<>();
        for (String value : values) {
            try {
                entries.add(Target.parse(value, ANY_SIZE));
            } catch (InvalidTargetException e) {
                // An entry that no longer parses authorizes nothing, rather than failing every run.
            }
        }
        return new Scope(List.copyOf(entries));
    }

    public boolean contains(String target) {
        Target candidate;
        try {
            candidate = Target.parse(target, ANY_SIZE);
        } catch (InvalidTargetException e) {
            return false;
        }
        return entries.stream().anyMatch(entry -> entry.contains(candidate));
    }

    /** The targets that are not inside this scope, in their given order; empty when all are. */
    public List<String> outOfScope(Collection<String> targets) {
        return targets.stream().filter(target -> !contains(target)).toList();
    }
}
