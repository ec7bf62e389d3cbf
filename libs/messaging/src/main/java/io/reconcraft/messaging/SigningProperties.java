package io.reconcraft.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param signingKey the HMAC key every service signs and verifies events with (at least 32 characters);
 *                   {@code RECONCRAFT_EVENT_SIGNING_KEY} when this property is not set
 * @param devMode    only for development: without a key, sign with a fixed, publicly known key instead of
 *                   refusing to start
 */
@ConfigurationProperties("reconcraft.messaging")
public record SigningProperties(String signingKey, Boolean devMode) {

    public SigningProperties {
        devMode = devMode != null && devMode;
    }
}
