package io.reconcraft.gateway.auth;

import io.reconcraft.gateway.error.ApiException;
import io.reconcraft.gateway.error.FieldProblem;
import io.reconcraft.gateway.store.ApiKeyRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** API keys: creation (the secret is returned once), listing, revocation and checking a presented key. */
@Service
@RequiredArgsConstructor
public class ApiKeyService {

    private static final int MAX_NAME_LENGTH = 100;
    private static final int MAX_EXPIRY_DAYS = 3650;
    // lastUsed is for humans; writing it at most once a minute keeps authentication from being a write per request.
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final ApiKeyRepository keys;
    private final KeyActivityCache activity;
    private final Clock clock;

    public Mono<ApiKeyView> create(NewApiKey request) {
        return Mono.defer(() -> {
            List<FieldProblem> problems = new ArrayList<>();
            if (request.name() == null || request.name().isBlank()) {
                problems.add(new FieldProblem("name", "a key needs a name"));
            } else if (request.name().length() > MAX_NAME_LENGTH) {
                problems.add(new FieldProblem("name", "at most " + MAX_NAME_LENGTH + " characters"));
            }
            Integer days = request.expiresInDays();
            if (days != null && (days < 1 || days > MAX_EXPIRY_DAYS)) {
                problems.add(new FieldProblem("expiresInDays", "must be between 1 and " + MAX_EXPIRY_DAYS));
            }
            if (!problems.isEmpty()) {
                throw ApiException.invalid("the API key request has " + problems.size() + " problem(s)", problems);
            }
            ApiRole role = request.role() == null ? ApiRole.VIEWER : request.role();
            Instant expiresAt = days == null ? null : now().plus(Duration.ofDays(days));
            String key = ApiKeySecrets.generate();
            return store(request.name().strip(), key, role, expiresAt).map(stored -> ApiKeyView.created(stored, key));
        });
    }

    Mono<ApiKey> store(String name, String key, ApiRole role, Instant expiresAt) {
        return keys.insert(new ApiKey(UUID.randomUUID().toString(), name, ApiKeySecrets.hash(key),
                ApiKeySecrets.displayPrefix(key), role, now(), expiresAt, null));
    }

    public Flux<ApiKeyView> list() {
        return keys.findAll(Sort.by("createdAt")).map(ApiKeyView::of);
    }

    public Mono<Void> delete(String id) {
        return keys.findById(id)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("API key", id)))
                .flatMap(keys::delete)
                .doOnSuccess(done -> activity.forget(id));
    }

    public Mono<Long> countActive() {
        return keys.countByExpiresAtIsNullOrExpiresAtAfter(now());
    }

    /** The stored key a client presented, when it exists and has not expired. */
    public Mono<ApiKey> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank() || presentedKey.length() > 512) {
            return Mono.empty();
        }
        Instant now = now();
        String keyHash = ApiKeySecrets.hash(presentedKey.strip());
        ApiKey remembered = activity.presented(keyHash);
        Mono<ApiKey> stored = remembered != null ? Mono.just(remembered)
                : keys.findByKeyHash(keyHash).doOnNext(key -> activity.rememberPresented(keyHash, key));
        return stored
                .filter(key -> !key.isExpiredAt(now))
                .flatMap(key -> touch(key, keyHash, now).thenReturn(key));
    }

    /** Whether a token's key still exists and has not expired; remembered briefly so tokens cost no query each. */
    public Mono<Boolean> isActive(String keyId) {
        if (keyId == null) {
            return Mono.just(false);
        }
        Boolean known = activity.lookup(keyId);
        if (known != null) {
            return Mono.just(known);
        }
        Instant now = now();
        return keys.findById(keyId).map(key -> !key.isExpiredAt(now)).defaultIfEmpty(false)
                .doOnNext(active -> activity.remember(keyId, active));
    }

    private Mono<Void> touch(ApiKey key, String keyHash, Instant now) {
        if (key.lastUsed() != null && key.lastUsed().plus(LAST_USED_RESOLUTION).isAfter(now)) {
            return Mono.empty();
        }
        // the remembered copy's lastUsed is stale now: the next use reads the key again instead of writing again
        return keys.findAndSetLastUsedById(key.id(), now).doOnSuccess(updated -> activity.forgetPresented(keyHash))
                .then();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
