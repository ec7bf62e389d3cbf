package io.reconcraft.gateway.auth;

import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Verifies our HS256 tokens (signature, algorithm, issuer, audience, expiry) and rejects those whose API key was
 * deleted or has expired since the token was minted.
 */
@Component
class RevocationAwareJwtDecoder implements ReactiveJwtDecoder {

    private final NimbusReactiveJwtDecoder verifier;
    private final ApiKeyService keys;

    RevocationAwareJwtDecoder(JwtSigningKey signingKey, ApiKeyService keys) {
        this.verifier = NimbusReactiveJwtDecoder.withSecretKey(signingKey.key()).macAlgorithm(MacAlgorithm.HS256)
                .build();
        this.verifier.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(
                JwtValidators.createDefaultWithIssuer(TokenService.ISSUER),
                new JwtAudienceValidator(TokenService.AUDIENCE))));
        this.keys = keys;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        return verifier.decode(token).flatMap(jwt -> keys.isActive(jwt.getSubject())
                .flatMap(active -> active
                        ? Mono.just(jwt)
                        : Mono.error(new BadJwtException("the API key of this token was revoked or has expired"))));
    }
}
