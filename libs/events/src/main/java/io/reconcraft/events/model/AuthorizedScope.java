package io.reconcraft.events.model;

import java.util.List;

/**
 * The hosts and CIDR blocks an operator authorized at the moment a run was requested.
 * Carried on every step so that executors can check it again before touching the network.
 */
public record AuthorizedScope(List<String> entries) {

    public static final AuthorizedScope NONE = new AuthorizedScope(List.of());

    public AuthorizedScope {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
