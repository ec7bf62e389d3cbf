package io.reconcraft.gateway.auth;

import io.reconcraft.gateway.config.GatewayProperties;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The HS256 secret that signs and verifies tokens. */
@Component
class JwtSigningKey {

    private static final Logger log = LoggerFactory.getLogger(JwtSigningKey.class);
    private static final int MIN_SECRET_BYTES = 32;

    private final SecretKey key;

    JwtSigningKey(GatewayProperties properties) {
        this.key = new SecretKeySpec(secretBytes(properties.jwt()), "HmacSHA256");
    }

    SecretKey key() {
        return key;
    }

    private static byte[] secretBytes(GatewayProperties.Jwt jwt) {
        if (jwt.hasSecret()) {
            byte[] bytes = jwt.secret().getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_SECRET_BYTES) {
                throw new IllegalStateException("reconcraft.gateway.jwt.secret must be at least " + MIN_SECRET_BYTES
                        + " bytes for HS256");
            }
            return bytes;
        }
        log.warn("reconcraft.gateway.jwt.secret is not set: using a random secret, so tokens will not survive a "
                + "restart and will not be accepted by other gateway instances");
        byte[] random = new byte[MIN_SECRET_BYTES];
        new SecureRandom().nextBytes(random);
        return random;
    }
}
