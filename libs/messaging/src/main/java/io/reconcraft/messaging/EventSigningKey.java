package io.reconcraft.messaging;

import io.reconcraft.events.EventSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/** Where the event signing key comes from; a service without one refuses to start unless in dev mode. */
final class EventSigningKey {

    static final String ENVIRONMENT_VARIABLE = "RECONCRAFT_EVENT_SIGNING_KEY";
    /** Public on purpose: anyone can forge events signed with it, so it is only ever used with dev mode on. */
    static final String DEV_ONLY_KEY = "reconcraft-dev-mode-only-signing-key-anyone-can-forge";

    private static final Logger log = LoggerFactory.getLogger(EventSigningKey.class);

    private EventSigningKey() {
    }

    static EventSignature resolve(SigningProperties properties, Environment environment) {
        String secret = properties.signingKey();
        if (secret == null || secret.isBlank()) {
            secret = environment.getProperty(ENVIRONMENT_VARIABLE);
        }
        if (secret == null || secret.isBlank()) {
            if (!properties.devMode()) {
                throw new IllegalStateException("no event signing key: set " + ENVIRONMENT_VARIABLE
                        + " (or reconcraft.messaging.signing-key) to a secret of at least "
                        + EventSignature.MIN_SECRET_LENGTH + " characters shared by all services; for development"
                        + " only, reconcraft.messaging.dev-mode=true signs with a public key instead");
            }
            log.warn("reconcraft.messaging.dev-mode: events are signed with a PUBLIC development key; anyone who"
                    + " reaches the broker can forge them. Never run like this outside a development machine.");
            secret = DEV_ONLY_KEY;
        }
        try {
            return EventSignature.of(secret);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(ENVIRONMENT_VARIABLE + ": " + e.getMessage(), e);
        }
    }
}
