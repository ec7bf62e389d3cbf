package io.reconcraft.gateway.auth;

/** Body of POST /api/auth/api-keys. */
public record NewApiKey(String name, Integer expiresInDays, ApiRole role) {
}
