package io.reconcraft.findings.sorting;

import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.NmapOutput;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The targets a succeeded step looked at, as its findings name them: the run's and node's targets, the hosts
 * and addresses it reported, the hosts of the URLs it probed, the repository it scanned, and its findings'
 * targets. A stored finding of the same tool on one of them that the step did not report is resolved.
 */
public final class Coverage {

    private Coverage() {
    }

    public static List<String> of(Collection<String> runTargets, Collection<String> nodeTargets,
                                  List<Finding> findings, Map<String, Object> outputs) {
        Set<String> covered = new LinkedHashSet<>();
        covered.addAll(runTargets);
        covered.addAll(nodeTargets);
        findings.forEach(finding -> add(covered, finding.target()));
        NmapOutput.read(outputs).hosts().forEach(host -> {
            add(covered, host.target());
            add(covered, host.address());
        });
        listOf(outputs.get("responses")).forEach(response -> add(covered, hostOf(response.get("url"))));
        add(covered, outputs.get("repository"));
        return List.copyOf(covered);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOf(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(item -> (Map<String, Object>) item).toList();
    }

    private static void add(Set<String> covered, Object value) {
        if (value != null && !value.toString().isBlank()) {
            covered.add(value.toString());
        }
    }

    private static String hostOf(Object url) {
        if (url == null) {
            return null;
        }
        try {
            return URI.create(url.toString()).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
