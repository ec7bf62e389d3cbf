package io.reconcraft.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** docker-compose.yml, read as YAML (anchors and merge keys resolved). */
final class Compose {

    private static final Pattern INTERPOLATION = Pattern.compile("(?<!\\$)\\$\\{([A-Z][A-Z0-9_]*)(?::?[-?][^}]*)?}");

    final Map<String, Object> file = Repo.yaml(Repo.path("docker-compose.yml"));

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) file.get("services");
    }

    Map<String, Object> service(String name) {
        Map<String, Object> service = services().get(name);
        if (service == null) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return service;
    }

    /** The ReconCraft service module a compose service is built from (build arg SERVICE), if any. */
    @SuppressWarnings("unchecked")
    Optional<String> moduleOf(String name) {
        Object build = service(name).get("build");
        if (build instanceof Map<?, ?> map && map.get("args") instanceof Map<?, ?> args && args.get("SERVICE") != null) {
            return Optional.of(args.get("SERVICE").toString());
        }
        return Optional.empty();
    }

    /** Compose service name of each module built from infra/docker/service.Dockerfile. */
    Map<String, String> moduleServices() {
        Map<String, String> byModule = new LinkedHashMap<>();
        services().keySet().forEach(name -> moduleOf(name).ifPresent(module -> byModule.put(module, name)));
        return byModule;
    }

    @SuppressWarnings("unchecked")
    Map<String, String> environment(String name) {
        Object environment = service(name).get("environment");
        Map<String, String> values = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((key, value) -> values.put(key.toString(), value == null ? "" : value.toString()));
        } else if (environment instanceof List<?> list) {
            list.forEach(entry -> {
                String[] parts = entry.toString().split("=", 2);
                values.put(parts[0], parts.length > 1 ? parts[1] : "");
            });
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> dependsOn(String name) {
        Object depends = service(name).get("depends_on");
        if (depends instanceof Map<?, ?> map) {
            return (Map<String, Map<String, Object>>) map;
        }
        Map<String, Map<String, Object>> started = new LinkedHashMap<>();
        if (depends instanceof List<?> list) {
            list.forEach(dependency -> started.put(dependency.toString(), Map.of("condition", "service_started")));
        }
        return started;
    }

    @SuppressWarnings("unchecked")
    List<String> volumes(String name) {
        Object volumes = service(name).get("volumes");
        return volumes == null ? List.of() : ((List<Object>) volumes).stream().map(Object::toString).toList();
    }

    /** Variables compose takes from the environment / .env: every ${NAME...} in the file. */
    java.util.Set<String> interpolatedVariables() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        Matcher matcher = INTERPOLATION.matcher(Repo.read(Repo.path("docker-compose.yml")));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
