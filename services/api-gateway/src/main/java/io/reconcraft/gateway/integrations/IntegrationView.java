package io.reconcraft.gateway.integrations;

import java.net.URI;
import java.time.Instant;

/** The Studio's Integration shape. The webhook URL is shown in full only in the answer that saved it. */
public record IntegrationView(String type, String webhookUrl, boolean enabled, Instant updatedAt) {

    static final String MASK = "***";

    static IntegrationView justSaved(Integration integration) {
        return new IntegrationView(integration.type(), integration.webhookUrl(), integration.enabled(),
                integration.updatedAt());
    }

    static IntegrationView masked(Integration integration) {
        return new IntegrationView(integration.type(), mask(integration.webhookUrl()), integration.enabled(),
                integration.updatedAt());
    }

    /** Scheme and host stay visible (enough to tell which workspace it is); the path, the secret part, does not. */
    public static String mask(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() != null && uri.getHost() != null) {
                return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                        + "/" + MASK;
            }
        } catch (IllegalArgumentException e) {
            // fall through: nothing of an unreadable URL is shown
        }
        return MASK;
    }
}
