package io.reconcraft.gateway.integrations;

import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** GET / POST /api/integrations/slack and /discord (admins only, see the security configuration). */
@RestController
@RequestMapping("/api/integrations/{type}")
@RequiredArgsConstructor
public class IntegrationController {

    private final IntegrationService integrations;

    @GetMapping
    public Mono<IntegrationView> get(@PathVariable String type) {
        return integrations.get(type);
    }

    @PostMapping
    public Mono<IntegrationView> save(@PathVariable String type, @RequestBody IntegrationInput input) {
        return integrations.save(type, input);
    }
}
