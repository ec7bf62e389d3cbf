package io.reconcraft.launcher.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service jar is unpacked once beside itself, whatever data folder a stack uses, and again only when it changed. */
class ExplodedJarTest {

    @TempDir
    Path target;

    @Test
    void givenABootJar_whenUnpackedBesideIt_thenTheClassesFolderAndLibrariesAreTheClasspath() throws IOException {
        Path jar = bootJar("v1");

        ExplodedJar exploded = ExplodedJar.besideJar(jar);

        assertThat(exploded.startClass()).isEqualTo("io.example.App");
        assertThat(exploded.classpath()).hasSize(2);
        assertThat(exploded.classpath().get(0).toString()).endsWith("/unpacked/BOOT-INF/classes/");
        assertThat(target.resolve("unpacked/BOOT-INF/lib/lib.jar")).exists();
    }

    @Test
    void givenAnUnpackedJar_whenUsedAgain_thenItIsNotUnpackedAgain_untilTheJarChanges() throws IOException {
        Path jar = bootJar("v1");
        ExplodedJar.besideJar(jar);
        Path marker = target.resolve("unpacked/BOOT-INF/classes/marker");
        Files.writeString(marker, "left by the first unpack");

        ExplodedJar.besideJar(jar);
        assertThat(marker).exists();

        bootJar("v2 is longer");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 2000));
        ExplodedJar.besideJar(jar);
        assertThat(marker).doesNotExist();
        assertThat(target.resolve("unpacked/BOOT-INF/classes/version.txt")).hasContent("v2 is longer");
        try (var siblings = Files.list(target)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("app.jar", "unpacked");
        }
    }

    private Path bootJar(String version) throws IOException {
        Path jar = target.resolve("app.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Start-Class", "io.example.App");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("BOOT-INF/classes/version.txt"));
            out.write(version.getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new JarEntry("BOOT-INF/lib/lib.jar"));
            out.write(new byte[] {1, 2, 3});
            out.putNextEntry(new JarEntry("BOOT-INF/classpath.idx"));
            out.write("- \"BOOT-INF/lib/lib.jar\"\n".getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }
}
