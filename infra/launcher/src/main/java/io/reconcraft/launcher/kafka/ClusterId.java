package io.reconcraft.launcher.kafka;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;

/** The KRaft cluster id, generated once and kept so formatted storage stays valid across restarts. */
final class ClusterId {

    private ClusterId() {
    }

    static String loadOrCreate(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            String saved = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!saved.isEmpty()) {
                return saved;
            }
        }
        String id = generate();
        Files.createDirectories(file.getParent());
        Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
        return id;
    }

    // Same shape as Kafka's Uuid.randomUuid().toString(): 16 random bytes, base64url without padding.
    static String generate() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16)
                    .putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            // a leading '-' would be read as an option by the storage tool's command line
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }
}
