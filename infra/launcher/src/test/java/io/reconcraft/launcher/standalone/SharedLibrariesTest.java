package io.reconcraft.launcher.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The services of a one-JVM stack share one definition of each library they hold identically, and each still sees
 * only its own libraries, in its own versions.
 */
class SharedLibrariesTest {

    // fixed times, so that the same contents built at one time make the identical file
    private static final long ONE_BUILD = 946_684_800_000L;
    private static final long ANOTHER_BUILD = ONE_BUILD + 86_400_000L;

    @TempDir
    Path folder;

    @Test
    void givenTwoServicesHoldingTheSameJar_whenEachLoadsItsClass_thenBothGetTheOneClassDefinedOnce() throws Exception {
        SharedLibraries shared = SharedLibraries.of(Map.of(
                "gateway", List.of(classes("gateway"), jar("gateway", "common-1.0.jar", "lib.Common", "v1")),
                "audit", List.of(classes("audit"), jar("audit", "common-1.0.jar", "lib.Common", "v1"))));

        Class<?> inGateway = shared.loaderFor("gateway").loadClass("lib.Common");
        Class<?> inAudit = shared.loaderFor("audit").loadClass("lib.Common");

        assertThat(inGateway).isSameAs(inAudit);
        assertThat(inGateway.getClassLoader()).isSameAs(shared);
    }

    @Test
    void givenAJarOnlyOneServiceHolds_whenTheOtherLooksForItsClassOrResources_thenItFindsNothing() throws Exception {
        SharedLibraries shared = SharedLibraries.of(Map.of(
                "gateway", List.of(classes("gateway"), jar("gateway", "validation-3.1.jar", "lib.Validator", "v1")),
                "audit", List.of(classes("audit"))));
        ClassLoader gateway = shared.loaderFor("gateway");
        ClassLoader audit = shared.loaderFor("audit");

        assertThat(gateway.loadClass("lib.Validator").getClassLoader()).isSameAs(shared);
        assertThat(gateway.getResource("lib/Validator.txt")).isNotNull();
        assertThatThrownBy(() -> audit.loadClass("lib.Validator")).isInstanceOf(ClassNotFoundException.class);
        assertThat(audit.getResource("lib/Validator.txt")).isNull();
        assertThat(Collections.list(audit.getResources("lib/Validator.txt"))).isEmpty();
    }

    @Test
    void givenTwoVersionsOfALibrary_whenEachServiceLoadsIt_thenEachGetsItsOwnVersion_andSoDoTheJarsOnlyItHolds()
            throws Exception {
        Map<String, List<URL>> classpaths = new LinkedHashMap<>();
        classpaths.put("findings", List.of(classes("findings"), jar("findings", "io-2.20.0.jar", "lib.Io", "2.20"),
                jar("findings", "pdf-1.0.jar", "lib.Pdf", "uses io 2.20")));
        classpaths.put("tool-runner", List.of(classes("tool-runner"), jar("tool-runner", "io-2.21.0.jar", "lib.Io", "2.21")));
        SharedLibraries shared = SharedLibraries.of(classpaths);
        ClassLoader findings = shared.loaderFor("findings");
        ClassLoader runner = shared.loaderFor("tool-runner");

        assertThat(text(findings, "lib/Io.txt")).isEqualTo("2.20");
        assertThat(text(runner, "lib/Io.txt")).isEqualTo("2.21");
        assertThat(findings.loadClass("lib.Io").getClassLoader()).isSameAs(findings);
        assertThat(runner.loadClass("lib.Io").getClassLoader()).isSameAs(runner);
        // the PDF library may link against io 2.20, which only the findings loader has
        assertThat(findings.loadClass("lib.Pdf").getClassLoader()).isSameAs(findings);
    }

    @Test
    void givenOurOwnLibraryPackagedFromTwoBuilds_whenEachServiceLoadsIt_thenEachGetsItsOwnCopy_andItsOtherJarsStayShared()
            throws Exception {
        Map<String, List<URL>> classpaths = new LinkedHashMap<>();
        classpaths.put("gateway", List.of(classes("gateway"), jar("gateway", "messaging-0.1.0-SNAPSHOT.jar",
                "lib.Messaging", "build 2"), jar("gateway", "validation-3.1.jar", "lib.Validator", "v1")));
        classpaths.put("tool-runner", List.of(classes("tool-runner"), jar("tool-runner", "messaging-0.1.0-SNAPSHOT.jar",
                "lib.Messaging", "build 1")));
        SharedLibraries shared = SharedLibraries.of(classpaths);
        ClassLoader gateway = shared.loaderFor("gateway");
        ClassLoader runner = shared.loaderFor("tool-runner");

        assertThat(text(gateway, "lib/Messaging.txt")).isEqualTo("build 2");
        assertThat(text(runner, "lib/Messaging.txt")).isEqualTo("build 1");
        assertThat(gateway.loadClass("lib.Messaging").getClassLoader()).isSameAs(gateway);
        // shared libraries (Spring's validation support) must still be able to link against it
        assertThat(gateway.loadClass("lib.Validator").getClassLoader()).isSameAs(shared);
    }

    @Test
    void givenOurOwnLibraryPackagedTwiceFromTheSameSources_whenEachServiceLoadsIt_thenBothGetTheOneSharedCopy()
            throws Exception {
        SharedLibraries shared = SharedLibraries.of(Map.of(
                "gateway", List.of(classes("gateway"),
                        jar("gateway", "events-0.1.0-SNAPSHOT.jar", "lib.Events", "v1", ONE_BUILD)),
                "audit", List.of(classes("audit"),
                        jar("audit", "events-0.1.0-SNAPSHOT.jar", "lib.Events", "v1", ANOTHER_BUILD))));

        Class<?> gatewaysEvents = shared.loaderFor("gateway").loadClass("lib.Events");

        assertThat(gatewaysEvents.getClassLoader()).isSameAs(shared);
        assertThat(shared.loaderFor("audit").loadClass("lib.Events")).isSameAs(gatewaysEvents);
    }

    @Test
    void givenAServiceResourceAndASharedOne_whenListed_thenTheServicesOwnComesFirst() throws Exception {
        URL classes = classes("gateway");
        Files.createDirectories(Path.of(classes.toURI()).resolve("lib"));
        Files.writeString(Path.of(classes.toURI()).resolve("lib/Common.txt"), "own");
        SharedLibraries shared = SharedLibraries.of(Map.of(
                "gateway", List.of(classes, jar("gateway", "common-1.0.jar", "lib.Common", "v1")),
                "audit", List.of(classes("audit"), jar("audit", "common-1.0.jar", "lib.Common", "v1"))));
        ClassLoader gateway = shared.loaderFor("gateway");

        assertThat(text(gateway, "lib/Common.txt")).isEqualTo("own");
        assertThat(Collections.list(gateway.getResources("lib/Common.txt"))).hasSize(2);
    }

    private URL classes(String service) throws IOException {
        Path dir = Files.createDirectories(folder.resolve(service).resolve("classes"));
        return dir.toUri().toURL();
    }

    /** A jar with one compiled class and a text resource beside it, as each service's unpacked copy would have. */
    private URL jar(String service, String name, String className, String text) throws IOException {
        return jar(service, name, className, text, ONE_BUILD);
    }

    /** The same, its entries stamped with the time of the build that made it. */
    private URL jar(String service, String name, String className, String text, long builtAt) throws IOException {
        Path sources = Files.createDirectories(folder.resolve("src-" + name + "-" + className));
        String simpleName = className.substring(className.lastIndexOf('.') + 1);
        String packageName = className.substring(0, className.lastIndexOf('.'));
        Path source = sources.resolve(simpleName + ".java");
        Files.writeString(source, "package " + packageName + "; public class " + simpleName + " {}");
        Path compiled = Files.createDirectories(folder.resolve("out-" + name + "-" + className));
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", compiled.toString(), source.toString()))
                .isZero();
        String entry = className.replace('.', '/');
        Path jar = Files.createDirectories(folder.resolve(service).resolve("lib")).resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(entry(entry + ".class", builtAt));
            out.write(Files.readAllBytes(compiled.resolve(entry + ".class")));
            out.putNextEntry(entry(entry + ".txt", builtAt));
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return jar.toUri().toURL();
    }

    private static JarEntry entry(String name, long builtAt) {
        JarEntry entry = new JarEntry(name);
        entry.setTime(builtAt);
        return entry;
    }

    private static String text(ClassLoader loader, String resource) throws IOException {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
