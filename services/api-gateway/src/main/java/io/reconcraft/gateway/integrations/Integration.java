package io.reconcraft.gateway.integrations;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A configured Slack or Discord webhook; the id is the channel. The URL is a secret: see {@link IntegrationView}. */
@Document("integrations")
public record Integration(@Id String type, String webhookUrl, boolean enabled, Instant updatedAt) {
}
