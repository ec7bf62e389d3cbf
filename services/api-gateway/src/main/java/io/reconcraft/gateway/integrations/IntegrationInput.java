package io.reconcraft.gateway.integrations;

/** Body of POST /api/integrations/{slack|discord}; {@code enabled} defaults to true. */
public record IntegrationInput(String webhookUrl, Boolean enabled) {
}
