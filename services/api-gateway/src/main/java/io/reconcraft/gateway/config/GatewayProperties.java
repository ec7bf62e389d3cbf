package io.reconcraft.gateway.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param adminApiKey        bootstrap admin key (env RECONCRAFT_ADMIN_API_KEY); when empty and no key exists, one is generated
 * @param jwt                signing and lifetime of the tokens minted by POST /api/auth/token
 * @param keyCheckCacheTtl   how long what the store said of a key (it exists; whose a presented secret is) is remembered;
 *                           bounds how late a revocation bites on another gateway instance
 * @param corsAllowedOrigins browser origins allowed to call the API (the Studio's dev server by default)
 * @param healthTimeout      how long /api/health waits for MongoDB and Kafka before calling them disconnected
 * @param auditUrl           base URL of the audit service's internal query API (env RECONCRAFT_GATEWAY_AUDIT_URL)
 * @param auditTimeout       how long GET /api/audit waits for the audit service before answering 503
 * @param auditVerifyTimeout how long GET /api/audit/verify waits: a full pass ({@code ?full=true}, and the first
 *                           verification after the audit service starts) re-reads and re-hashes the whole chain
 */
@ConfigurationProperties("reconcraft.gateway")
public record GatewayProperties(
        String adminApiKey,
        Jwt jwt,
        Duration keyCheckCacheTtl,
        List<String> corsAllowedOrigins,
        Duration healthTimeout,
        String auditUrl,
        Duration auditTimeout,
        Duration auditVerifyTimeout) {

    public GatewayProperties {
        jwt = jwt == null ? new Jwt(null, null) : jwt;
        keyCheckCacheTtl = keyCheckCacheTtl == null ? Duration.ofSeconds(5) : keyCheckCacheTtl;
        corsAllowedOrigins = corsAllowedOrigins == null || corsAllowedOrigins.isEmpty()
                ? List.of("http://localhost:8080", "http://127.0.0.1:8080") : List.copyOf(corsAllowedOrigins);
        healthTimeout = healthTimeout == null ? Duration.ofSeconds(2) : healthTimeout;
        auditUrl = auditUrl == null || auditUrl.isBlank() ? "http://127.0.0.1:8104" : auditUrl.strip();
        auditTimeout = auditTimeout == null ? Duration.ofSeconds(5) : auditTimeout;
        auditVerifyTimeout = auditVerifyTimeout == null ? Duration.ofMinutes(10) : auditVerifyTimeout;
    }

    public boolean hasAdminApiKey() {
        return adminApiKey != null && !adminApiKey.isBlank();
    }

    /**
     * @param secret HS256 secret, at least 32 bytes; when empty a random one is made per start
     * @param ttl    lifetime of a token
     */
    public record Jwt(String secret, Duration ttl) {
        public Jwt {
            ttl = ttl == null ? Duration.ofMinutes(30) : ttl;
        }

        public boolean hasSecret() {
            return secret != null && !secret.isBlank();
        }
    }
}
