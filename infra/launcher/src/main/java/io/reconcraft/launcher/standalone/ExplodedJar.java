package io.reconcraft.launcher.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A Spring Boot fat jar unpacked into a folder — {@code BOOT-INF/classes} and {@code BOOT-INF/lib/*.jar} — so a
 * plain {@link java.net.URLClassLoader} can load it; unpacked again only when the jar changed. The folder sits beside
 * the jar ({@link #besideJar}), so a stack with a fresh data folder does not unpack 400 MB again, and the libraries keep
 * one path from run to run (what the JDK's AOT cache checks before it uses the classes it holds).
 *
 * @param startClass the application's main class ({@code Start-Class} of the manifest)
 * @param classpath  classes folder first, then the libraries in the order of {@code BOOT-INF/classpath.idx}
 */
public record ExplodedJar(String startClass, List<URL> classpath) {

    private static final String CLASSES = "BOOT-INF/classes/";
    private static final String LIB = "BOOT-INF/lib/";
    private static final String STAMP = ".exploded-from";

    /** {@code services/x/target/x.jar} unpacked into {@code services/x/target/unpacked/}. */
    public static ExplodedJar besideJar(Path jar) {
        return of(jar, jar.toAbsolutePath().resolveSibling("unpacked"));
    }

    public static ExplodedJar of(Path jar, Path folder) {
        try {
            String stamp = jar.toAbsolutePath() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
            Path stampFile = folder.resolve(STAMP);
            if (!Files.isRegularFile(stampFile) || !Files.readString(stampFile).equals(stamp)) {
                unpackAtomically(jar, folder, stamp);
            }
            String startClass;
            try (JarFile file = new JarFile(jar.toFile())) {
                startClass = file.getManifest().getMainAttributes().getValue("Start-Class");
            }
            if (startClass == null) {
                throw new IllegalStateException(jar + " is not a Spring Boot jar (no Start-Class)");
            }
            return new ExplodedJar(startClass, classpath(folder));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + jar + " into " + folder + ": " + e.getMessage(), e);
        }
    }

    // unpacked beside the folder, then moved in place: a second stack starting at the same moment, or one killed
    // while unpacking, never sees half a folder
    private static void unpackAtomically(Path jar, Path folder, String stamp) throws IOException {
        Path parent = folder.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path fresh = Files.createTempDirectory(parent, folder.getFileName() + ".");
        try {
            explode(jar, fresh);
            Files.writeString(fresh.resolve(STAMP), stamp, StandardCharsets.UTF_8);
            Path old = parent.resolve(folder.getFileName() + ".old." + System.nanoTime());
            if (Files.exists(folder)) {
                Files.move(folder, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(fresh, folder, StandardCopyOption.ATOMIC_MOVE);
            deleteRecursively(old);
        } catch (IOException e) {
            deleteRecursively(fresh);
            // another stack may have put the same jar's folder in place meanwhile: that one is as good
            if (!Files.isRegularFile(folder.resolve(STAMP)) || !Files.readString(folder.resolve(STAMP)).equals(stamp)) {
                throw e;
            }
        }
    }

    private static void explode(Path jar, Path folder) throws IOException {
        deleteRecursively(folder);
        Files.createDirectories(folder);
        Path root = folder.toAbsolutePath().normalize();
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.isDirectory() || !entry.getName().startsWith("BOOT-INF/")) {
                    continue;
                }
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("entry outside the folder: " + entry.getName());
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static List<URL> classpath(Path folder) throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(url(folder.resolve(CLASSES)));
        Path index = folder.resolve("BOOT-INF/classpath.idx");
        List<Path> libs = new ArrayList<>();
        if (Files.isRegularFile(index)) {
            for (String line : Files.readAllLines(index)) {
                String name = line.replaceFirst("^- \"", "").replaceFirst("\"$", "").trim();
                if (!name.isEmpty()) {
                    libs.add(folder.resolve(name));
                }
            }
        } else {
            try (Stream<Path> files = Files.list(folder.resolve(LIB))) {
                files.sorted().forEach(libs::add);
            }
        }
        for (Path lib : libs) {
            urls.add(url(lib));
        }
        return List.copyOf(urls);
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
