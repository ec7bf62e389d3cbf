package io.reconcraft.launcher.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/** The admin API key handed to the gateway: from the environment, the home folder, or freshly generated. */
public final class AdminKey {

    public static final String VARIABLE = "RECONCRAFT_ADMIN_API_KEY";
    public static final String FILE_NAME = "admin-api-key";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private AdminKey() {
    }

    public static String resolve(Map<String, String> env, Path home) {
        return resolveSecret(env, home, VARIABLE, FILE_NAME);
    }

    /** Any per-stack secret the same way: the environment variable, else the file in the data folder, else a new one. */
    public static String resolveSecret(Map<String, String> env, Path home, String variable, String fileName) {
        String fromEnv = env.get(variable);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        Path file = home.resolve(fileName);
        try {
            if (Files.isRegularFile(file)) {
                String saved = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!saved.isEmpty()) {
                    return saved;
                }
                Files.delete(file);
            }
            return save(file, generate());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the secret at " + file, e);
        }
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "rc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // Created with 600 from the start, so the key is never readable by others, even briefly.
    private static String save(Path file, String key) throws IOException {
        Files.createDirectories(file.getParent());
        try {
            if (supportsPosix(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            // another launcher won the race; use its key so both agree
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        Files.writeString(file, key + System.lineSeparator(), StandardCharsets.UTF_8);
        return key;
    }

    private static boolean supportsPosix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
