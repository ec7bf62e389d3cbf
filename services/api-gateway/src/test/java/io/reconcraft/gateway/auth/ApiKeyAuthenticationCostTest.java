package io.reconcraft.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.gateway.config.GatewayProperties;
import io.reconcraft.gateway.store.ApiKeyRepository;
import io.reconcraft.testing.MutableClock;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Authenticating a request with an API key reads the store at most once per key and time-to-live, and a key deleted
 * on this instance stops working at once. (The repository is a stand-in that records its calls.)
 */
class ApiKeyAuthenticationCostTest {

    private static final Duration TTL = Duration.ofSeconds(5);
    private static final String SECRET = "rc_test_secret_for_the_cost_of_authentication";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final Map<String, ApiKey> stored = new HashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final ApiKeyService service = new ApiKeyService(repository(),
            new KeyActivityCache(new GatewayProperties(null, null, TTL, null, null, null, null, null), clock), clock);

    @Test
    void givenAKeyJustUsed_whenItIsPresentedAgainWithinTheTimeToLive_thenTheStoreIsNotAskedAgain() {
        storeKey(clock.instant());

        assertThat(service.authenticate(SECRET).block()).isNotNull();
        clock.advance(TTL.minusSeconds(1));
        assertThat(service.authenticate(SECRET).block()).isNotNull();

        assertThat(calls).containsExactly("findByKeyHash");
    }

    @Test
    void givenAKeyRememberedLongerThanTheTimeToLive_whenPresented_thenTheStoreIsAskedAgain() {
        storeKey(clock.instant());
        service.authenticate(SECRET).block();

        clock.advance(TTL.plusSeconds(1));
        service.authenticate(SECRET).block();

        assertThat(calls).containsExactly("findByKeyHash", "findByKeyHash");
    }

    @Test
    void givenARememberedKey_whenItIsDeletedHere_thenItIsRefusedAtOnce() {
        ApiKey key = storeKey(clock.instant());
        service.authenticate(SECRET).block();

        service.delete(key.id()).block();

        assertThat(service.authenticate(SECRET).block()).isNull();
    }

    @Test
    void givenARememberedKeyThatExpires_whenPresentedAfterItsExpiry_thenItIsRefusedWithoutAskingTheStore() {
        ApiKey key = new ApiKey("k1", "expiring", ApiKeySecrets.hash(SECRET), "rc_test", ApiRole.VIEWER,
                clock.instant(), clock.instant().plusSeconds(2), clock.instant());
        stored.put(key.keyHash(), key);
        service.authenticate(SECRET).block();

        clock.advance(Duration.ofSeconds(3));

        assertThat(service.authenticate(SECRET).block()).isNull();
        assertThat(calls).containsExactly("findByKeyHash");
    }

    private ApiKey storeKey(Instant lastUsed) {
        ApiKey key = new ApiKey("k1", "cost", ApiKeySecrets.hash(SECRET), "rc_test", ApiRole.ADMIN, clock.instant(),
                null, lastUsed);
        stored.put(key.keyHash(), key);
        return key;
    }

    private ApiKeyRepository repository() {
        return (ApiKeyRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{ApiKeyRepository.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    return switch (method.getName()) {
                        case "findByKeyHash" -> Mono.justOrEmpty(stored.get((String) args[0]));
                        case "findById" -> Mono.justOrEmpty(stored.values().stream()
                                .filter(key -> key.id().equals(args[0])).findFirst());
                        case "delete" -> Mono.fromRunnable(() -> stored.remove(((ApiKey) args[0]).keyHash()));
                        case "findAndSetLastUsedById" -> Mono.just(1L);
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }
}
