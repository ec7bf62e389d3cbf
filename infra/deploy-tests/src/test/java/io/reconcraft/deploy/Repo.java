package io.reconcraft.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The repository the tests run in, and what its services read, taken from their own files. */
final class Repo {

    static final Path ROOT = findRoot();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:([^}]*))?}");
    private static final Pattern PROPERTIES_PREFIX = Pattern.compile(
            "@ConfigurationProperties\\((?:prefix\\s*=\\s*|value\\s*=\\s*)?\"([a-z0-9.-]+)\"");

    private Repo() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** YAML with merge keys (docker-compose uses them); one document. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (Map<String, Object>) new Yaml(new LoaderOptions()).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a multi-document YAML file. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> yamlDocuments(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new LoaderOptions()).loadAll(read(file))) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }

    /** The modules under services/ (each a deployable service with an application.yml). */
    static List<String> serviceModules() {
        try (Stream<Path> dirs = Files.list(path("services"))) {
            return dirs.filter(dir -> Files.exists(dir.resolve("src/main/resources/application.yml")))
                    .map(dir -> dir.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path applicationYml(String module) {
        return path("services/" + module + "/src/main/resources/application.yml");
    }

    /** {@code ${NAME:default}} placeholders of a service's application.yml: name to default (null: none). */
    static Map<String, String> placeholders(String module) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher matcher = PLACEHOLDER.matcher(read(applicationYml(module)));
        while (matcher.find()) {
            found.put(matcher.group(1), matcher.group(2) == null ? null : matcher.group(3));
        }
        return found;
    }

    /** Main Java sources of a service and of the libraries every service uses. */
    static List<Path> sources(String module) {
        List<Path> roots = List.of(path("services/" + module + "/src/main/java"), path("libs/events/src/main/java"),
                path("libs/messaging/src/main/java"), path("libs/workflow/src/main/java"));
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(file -> file.toString().endsWith(".java")).forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return files;
    }

    /** The service's own main sources only. */
    static List<Path> ownSources(String module) {
        return sources(module).stream().filter(file -> file.startsWith(path("services/" + module))).toList();
    }

    /** Prefixes of the {@code @ConfigurationProperties} a service binds, e.g. reconcraft.kafka. */
    static Set<String> propertyPrefixes(String module) {
        Set<String> prefixes = new LinkedHashSet<>();
        for (Path file : sources(module)) {
            Matcher matcher = PROPERTIES_PREFIX.matcher(read(file));
            while (matcher.find()) {
                prefixes.add(matcher.group(1));
            }
        }
        return prefixes;
    }

    /** Spring Boot's environment-variable form of a property name: reconcraft.kafka.create-topics → RECONCRAFT_KAFKA_CREATE_TOPICS. */
    static String environmentForm(String property) {
        return property.replace('.', '_').replace("-", "").toUpperCase(java.util.Locale.ROOT);
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("docker-compose.yml")) && Files.isDirectory(dir.resolve("services")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside the ReconCraft repository");
        }
        return dir;
    }
}
