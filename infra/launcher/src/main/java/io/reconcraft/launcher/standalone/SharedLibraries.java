package io.reconcraft.launcher.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The services' libraries in one class loader, so that a library class every service uses (Spring, Boot, the Kafka
 * client, Netty, Reactor, the MongoDB driver, Jackson, Logback…) is defined, verified and JIT-compiled once for the
 * JVM instead of once per service — about half of the one-JVM stack's start-up CPU (infra/launcher/STARTUP.md).
 *
 * <p>It holds every library jar that is the identical file in every service that has it, including jars only one
 * service has: a shared class must be able to link against what it optionally uses (Spring's validation support
 * against the gateway's {@code jakarta.validation}). Each service still sees only its own jars, through its
 * {@link ServiceClassLoader}. A library two services hold in different versions stays in each service's own
 * loader, and so do the jars only such a service holds (they may link against that library).
 *
 * <p>The launcher's {@code standalone.logging} classes are defined here too, from the launcher's own class files:
 * they work with the services' Logback (every service its own log file). (Each service's own Reactor Netty resources
 * come from libs/messaging's {@code ContextNettyResourcesAutoConfiguration}, in every context, in or out of the
 * launcher.)
 */
public final class SharedLibraries extends URLClassLoader {

    // launcher classes that use the services' libraries, so are defined here rather than in the launcher's loader
    private static final List<String> LAUNCHER_PACKAGES =
            List.of("io.reconcraft.launcher.standalone.logging.");
    // artifact-1.2.3[-classifier].jar
    private static final Pattern ARTIFACT = Pattern.compile("^(.+?)-(\\d+)((?:\\.\\d+)*)(.*)\\.jar$");

    private final Map<String, List<URL>> own;
    private final Map<String, Set<String>> visible;

    private SharedLibraries(List<URL> jars, Map<String, List<URL>> own, Map<String, Set<String>> visible) {
        super("services-shared", jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        this.own = own;
        this.visible = visible;
    }

    /** @param classpaths each service's class path (classes folder, then its jars), by the service's name */
    public static SharedLibraries of(Map<String, List<URL>> classpaths) {
        Map<String, URL> shared = sharedJars(classpaths);
        Map<String, List<URL>> own = new HashMap<>();
        Map<String, Set<String>> visible = new HashMap<>();
        classpaths.forEach((service, classpath) -> {
            List<URL> ownPart = new ArrayList<>();
            Set<String> visiblePart = new LinkedHashSet<>();
            for (URL url : classpath) {
                URL sharedCopy = isJar(url) ? shared.get(fileName(url)) : null;
                if (sharedCopy == null) {
                    ownPart.add(url);
                } else {
                    visiblePart.add(sharedCopy.toString());
                }
            }
            own.put(service, List.copyOf(ownPart));
            visible.put(service, Set.copyOf(visiblePart));
        });
        return new SharedLibraries(List.copyOf(shared.values()), own, visible);
    }

    // by file name, one copy each, in class path order
    private static Map<String, URL> sharedJars(Map<String, List<URL>> classpaths) {
        Map<String, List<URL>> copiesByName = new LinkedHashMap<>();
        classpaths.values().forEach(classpath -> classpath.stream().filter(SharedLibraries::isJar)
                .forEach(jar -> copiesByName.computeIfAbsent(fileName(jar), name -> new ArrayList<>()).add(jar)));
        Set<String> otherVersions = otherVersions(copiesByName);
        Set<String> conflicting = new LinkedHashSet<>(otherVersions);
        conflicting.addAll(rebuilt(copiesByName));
        // only another version of a library can be what a service's other jars link against
        List<List<URL>> conflictedClasspaths = classpaths.values().stream()
                .filter(classpath -> classpath.stream().anyMatch(url -> isJar(url) && otherVersions.contains(fileName(url))))
                .toList();
        Map<String, URL> shared = new LinkedHashMap<>();
        copiesByName.forEach((name, copies) -> {
            boolean onlyInAConflictedService = copies.size() == 1
                    && conflictedClasspaths.stream().anyMatch(classpath -> classpath.contains(copies.get(0)));
            if (!conflicting.contains(name) && !onlyInAConflictedService) {
                shared.put(name, copies.get(0));
            }
        });
        return shared;
    }

    /** A new class loader for the service: its own classes and jars, and of this loader's jars only those it holds. */
    public ServiceClassLoader loaderFor(String service) {
        return new ServiceClassLoader(service, own.get(service), this, visible.get(service));
    }

    /** A class defined here that none of the jars holds (generated at run time), or null. */
    Class<?> definedAtRuntime(String name) {
        return findResource(name.replace('.', '/') + ".class") == null ? findLoadedClass(name) : null;
    }

    /** Whether the class or resource, as found here, comes from one of these jars. */
    boolean holds(String resource, Set<String> jars) {
        URL url = findResource(resource);
        return url != null && jars.contains(jarOf(url));
    }

    /** The resource's copies in these of this loader's jars. */
    List<URL> resources(String resource, Set<String> jars) throws IOException {
        List<URL> found = new ArrayList<>();
        Enumeration<URL> all = findResources(resource);
        while (all.hasMoreElements()) {
            URL url = all.nextElement();
            if (jars.contains(jarOf(url))) {
                found.add(url);
            }
        }
        return found;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (LAUNCHER_PACKAGES.stream().anyMatch(name::startsWith)) {
            try (InputStream in = SharedLibraries.class.getClassLoader()
                    .getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
        return super.findClass(name);
    }

    /**
     * The same file name with different contents: our own snapshot libraries when one service's jar was packaged
     * before a later build of the library changed it. Each service keeps its own copy; nothing else changes for it.
     */
    private static Set<String> rebuilt(Map<String, List<URL>> byFileName) {
        Set<String> rebuilt = new LinkedHashSet<>();
        byFileName.forEach((name, copies) -> {
            if (copies.stream().anyMatch(copy -> !identical(path(copies.get(0)), path(copy)))) {
                rebuilt.add(name);
            }
        });
        return rebuilt;
    }

    /** The same library in several versions (commons-io 2.20 and 2.21): every version's file names. */
    private static Set<String> otherVersions(Map<String, List<URL>> byFileName) {
        Set<String> conflicting = new LinkedHashSet<>();
        Map<String, Map<String, List<String>>> versionsByArtifact = new HashMap<>();
        byFileName.keySet().forEach(name -> {
            Matcher artifact = ARTIFACT.matcher(name);
            if (artifact.matches()) {
                // a new major version is a new library (Jackson 2 and 3 live side by side)
                versionsByArtifact.computeIfAbsent(artifact.group(1) + "-" + artifact.group(2), key -> new HashMap<>())
                        .computeIfAbsent(artifact.group(3), key -> new ArrayList<>()).add(name);
            }
        });
        versionsByArtifact.values().stream().filter(versions -> versions.size() > 1)
                .forEach(versions -> versions.values().forEach(conflicting::addAll));
        return conflicting;
    }

    private static boolean identical(Path one, Path other) {
        try {
            return one.equals(other) || (Files.size(one) == Files.size(other) && Files.mismatch(one, other) == -1)
                    || entries(one).equals(entries(other));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A jar's entries by name with their CRC and size. Two builds of the same sources differ only in the entries'
     * times (a service packaged alone takes our libraries from the local repository, the others from the
     * reactor's build); kept apart, the one library's classes were not shared while the shared libraries
     * that link against them were, and a service could not start ({@code ClassNotFoundException}).
     */
    private static Map<String, List<Long>> entries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().collect(Collectors.toMap(ZipEntry::getName,
                    entry -> List.of(entry.getCrc(), entry.getSize()), (first, repeated) -> first));
        }
    }

    private static String jarOf(URL resource) {
        String url = resource.toString();
        int separator = url.indexOf("!/");
        return url.startsWith("jar:") && separator > 0 ? url.substring(4, separator) : url;
    }

    private static boolean isJar(URL url) {
        return url.getPath().endsWith(".jar");
    }

    private static String fileName(URL url) {
        return path(url).getFileName().toString();
    }

    private static Path path(URL url) {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(url.toString(), e);
        }
    }
}
