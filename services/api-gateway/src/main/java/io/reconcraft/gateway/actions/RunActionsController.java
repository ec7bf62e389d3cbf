package io.reconcraft.gateway.actions;

import java.security.Principal;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Run actions: each answers 202 once its command is on the broker. */
@RestController
@RequestMapping("/api/runs/{id}")
@RequiredArgsConstructor
public class RunActionsController {

    private final RunActions actions;

    @PostMapping("/cancel")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<ActionAccepted> cancel(@PathVariable String id, @RequestBody(required = false) CancelRequest body,
            Principal principal) {
        return actions.cancel(id, principal.getName(), body == null ? null : body.reason());
    }

    @PostMapping("/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<ActionAccepted> retry(@PathVariable String id, Principal principal) {
        return actions.retry(id, principal.getName());
    }

    @PostMapping("/actions/send-slack")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<ActionAccepted> sendSlack(@PathVariable String id, Principal principal) {
        return actions.notify(id, "slack", principal.getName());
    }

    @PostMapping("/actions/send-discord")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<ActionAccepted> sendDiscord(@PathVariable String id, Principal principal) {
        return actions.notify(id, "discord", principal.getName());
    }
}
