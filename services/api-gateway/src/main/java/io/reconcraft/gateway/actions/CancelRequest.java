package io.reconcraft.gateway.actions;

/** Optional body of POST /api/runs/{id}/cancel. */
public record CancelRequest(String reason) {
}
