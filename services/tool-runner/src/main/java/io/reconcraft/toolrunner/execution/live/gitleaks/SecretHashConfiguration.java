package io.reconcraft.toolrunner.execution.live.gitleaks;

import io.reconcraft.events.EventSignature;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the key of {@link SecretHasher} comes from: {@code reconcraft.toolrunner.secret-hash-key}
 * ({@code RECONCRAFT_SECRET_HASH_KEY}) when set, else a key derived from the event signing key, which every
 * tool-runner of a stack shares already and no database holds. Set the dedicated key when the signing key is to be
 * rotated: a new hash key makes every stored leak look new once (and the old ones resolved).
 */
@Configuration(proxyBeanMethods = false)
class SecretHashConfiguration {

    /** Domain separation: the derived key is a signature of nothing any service ever publishes. */
    static final String DERIVATION_LABEL = "reconcraft.toolrunner.gitleaks.secret-hash-key";

    @Bean
    SecretHasher secretHasher(@Value("${reconcraft.toolrunner.secret-hash-key:}") String configured,
                              EventSignature signature) {
        if (configured != null && !configured.isBlank()) {
            return new SecretHasher(configured.strip().getBytes(StandardCharsets.UTF_8));
        }
        return new SecretHasher(signature.sign(DERIVATION_LABEL, new byte[0]));
    }
}
