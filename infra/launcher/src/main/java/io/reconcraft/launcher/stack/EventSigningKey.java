package io.reconcraft.launcher.stack;

import java.nio.file.Path;
import java.util.Map;

/**
 * The HMAC key all services sign and verify events with: from the environment, or generated once per stack and
 * kept (owner-only) in the data folder like the admin key, so a restarted stack still reads its own events.
 */
public final class EventSigningKey {

    public static final String VARIABLE = "RECONCRAFT_EVENT_SIGNING_KEY";
    public static final String FILE_NAME = "event-signing-key";

    private EventSigningKey() {
    }

    public static String resolve(Map<String, String> env, Path home) {
        return AdminKey.resolveSecret(env, home, VARIABLE, FILE_NAME);
    }
}
