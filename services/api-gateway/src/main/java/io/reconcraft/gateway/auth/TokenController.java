package io.reconcraft.gateway.auth;

import io.reconcraft.gateway.error.ApiException;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequiredArgsConstructor
public class TokenController {

    private final ApiKeyService keys;
    private final TokenService tokens;

    @PostMapping("/api/auth/token")
    public Mono<TokenService.TokenResponse> token(@RequestBody TokenRequest request) {
        return keys.authenticate(request.apiKey())
                .map(tokens::mint)
                .switchIfEmpty(Mono.error(() -> ApiException.unauthorized("unknown, expired or revoked API key")));
    }

    public record TokenRequest(String apiKey) {
    }
}
