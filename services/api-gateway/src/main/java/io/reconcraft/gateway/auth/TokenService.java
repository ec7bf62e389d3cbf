package io.reconcraft.gateway.auth;

import io.reconcraft.gateway.config.GatewayProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Service;

/** Mints the short-lived tokens of POST /api/auth/token: subject = key id, claim {@code role}. */
@Service
public class TokenService {

    static final String ISSUER = "reconcraft";
    static final String AUDIENCE = "reconcraft-api";
    static final String ROLE_CLAIM = "role";

    private final JwtEncoder encoder;
    private final GatewayProperties properties;
    private final Clock clock;

    TokenService(JwtSigningKey signingKey, GatewayProperties properties, Clock clock) {
        this.encoder = NimbusJwtEncoder.withSecretKey(signingKey.key()).algorithm(MacAlgorithm.HS256).build();
        this.properties = properties;
        this.clock = clock;
    }

    public TokenResponse mint(ApiKey key) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(properties.jwt().ttl());
        if (key.expiresAt() != null && key.expiresAt().isBefore(expiresAt)) {
            expiresAt = key.expiresAt().truncatedTo(ChronoUnit.SECONDS);
        }
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE))
                .subject(key.id())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .id(UUID.randomUUID().toString())
                .claim(ROLE_CLAIM, key.role().wireName())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new TokenResponse(token, expiresAt);
    }

    public record TokenResponse(String token, Instant expiresAt) {
    }
}
