package io.reconcraft.gateway.integrations;

import io.reconcraft.gateway.error.ApiException;
import io.reconcraft.gateway.store.IntegrationRepository;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Slack and Discord webhooks: saved once per channel, validated with the shared webhook rule. */
@Service
@RequiredArgsConstructor
public class IntegrationService {

    public static final List<String> CHANNELS = List.of("slack", "discord");
    private static final int MAX_URL_LENGTH = 2048;

    private final IntegrationRepository integrations;
    private final WebhookProperties webhooks;
    private final Clock clock;

    public Mono<IntegrationView> get(String type) {
        return Mono.defer(() -> integrations.findById(channel(type)))
                .map(IntegrationView::masked)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("integration", type)));
    }

    public Mono<IntegrationView> save(String type, IntegrationInput input) {
        return Mono.defer(() -> {
            String channel = channel(type);
            String url = input.webhookUrl();
            String problem = url == null || url.isBlank() ? "required"
                    : url.length() > MAX_URL_LENGTH ? "at most " + MAX_URL_LENGTH + " characters"
                    : webhooks.rule().check(url);
            if (problem != null) {
                throw ApiException.invalid("webhookUrl", problem);
            }
            Integration integration = new Integration(channel, url.strip(), !Boolean.FALSE.equals(input.enabled()),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS));
            return integrations.save(integration).map(IntegrationView::justSaved);
        });
    }

    /** The webhook to post to for {@code channel}, when one is configured and enabled. */
    public Mono<String> enabledWebhook(String channel) {
        return integrations.findById(channel).filter(Integration::enabled).map(Integration::webhookUrl);
    }

    private static String channel(String type) {
        String channel = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (!CHANNELS.contains(channel)) {
            throw ApiException.notFound("integration type", type);
        }
        return channel;
    }
}
