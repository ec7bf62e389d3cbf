package io.reconcraft.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import io.reconcraft.gateway.GatewayTestSupport;
import io.reconcraft.gateway.config.GatewayProperties;
import io.reconcraft.gateway.store.ApiKeyRepository;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.repository.support.ReactiveMongoRepositoryFactory;

class BootstrapAdminKeyTest extends GatewayTestSupport {

    private static final String ANNOUNCEMENT = "Bootstrap admin API key: ";

    @Autowired
    MongoClient mongoClient;

    @Test
    void givenAnEmptyStoreAndNoConfiguredKey_whenStartedTwice_thenOneAdminKeyIsGeneratedAndPrintedOnce() {
        KeyStore store = freshStore();
        BootstrapAdminKey bootstrap = store.bootstrap(null);

        String firstOutput = capturingStdout(() -> bootstrap.ensureAdminKey().block());
        String secondOutput = capturingStdout(() -> store.bootstrap(null).ensureAdminKey().block());

        // Other threads may log to stdout meanwhile, so look for the one line rather than the whole output.
        List<String> announcements = firstOutput.lines().filter(line -> line.startsWith(ANNOUNCEMENT)).toList();
        assertThat(announcements).hasSize(1);
        String printedKey = announcements.get(0).substring(ANNOUNCEMENT.length()).strip();
        assertThat(printedKey).startsWith("rc_");
        assertThat(secondOutput).doesNotContain(ANNOUNCEMENT);
        assertThat(store.keys.authenticate(printedKey).block()).satisfies(key -> {
            assertThat(key.role()).isEqualTo(ApiRole.ADMIN);
            assertThat(key.keyHash()).isNotEqualTo(printedKey).hasSize(64);
        });
        assertThat(store.repository.count().block()).isEqualTo(1);
    }

    @Test
    void givenAConfiguredKey_whenStartedTwice_thenItIsRegisteredOnceAndNeverPrinted() {
        KeyStore store = freshStore();
        String configured = "rc_configured-" + UUID.randomUUID();

        String output = capturingStdout(() -> {
            store.bootstrap(configured).ensureAdminKey().block();
            store.bootstrap(configured).ensureAdminKey().block();
        });

        assertThat(output).doesNotContain(configured).doesNotContain(ANNOUNCEMENT);
        assertThat(store.repository.count().block()).isEqualTo(1);
        assertThat(store.keys.authenticate(configured).block()).extracting(ApiKey::role).isEqualTo(ApiRole.ADMIN);
    }

    @Test
    void givenTheConfiguredKeyWasDeletedByAnAdministrator_whenRestarted_thenItDoesNotComeBack() {
        KeyStore store = freshStore();
        String configured = "rc_configured-" + UUID.randomUUID();
        store.bootstrap(configured).ensureAdminKey().block();
        store.keys.store("second-admin", "rc_second-" + UUID.randomUUID(), ApiRole.ADMIN, null).block();
        ApiKey bootstrapKey = store.repository.findByKeyHash(ApiKeySecrets.hash(configured)).block();
        store.repository.deleteById(bootstrapKey.id()).block();

        store.bootstrap(configured).ensureAdminKey().block();

        assertThat(store.repository.findByKeyHash(ApiKeySecrets.hash(configured)).block()).isNull();
        assertThat(store.repository.count().block()).isEqualTo(1);
    }

    private KeyStore freshStore() {
        ReactiveMongoTemplate template = new ReactiveMongoTemplate(mongoClient, "bootstrap-" + UUID.randomUUID());
        ApiKeyRepository repository = new ReactiveMongoRepositoryFactory(template).getRepository(ApiKeyRepository.class);
        GatewayProperties defaults = new GatewayProperties(null, null, null, null, null, null, null, null);
        ApiKeyService keys = new ApiKeyService(repository, new KeyActivityCache(defaults, Clock.systemUTC()),
                Clock.systemUTC());
        return new KeyStore(repository, keys);
    }

    private static String capturingStdout(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private record KeyStore(ApiKeyRepository repository, ApiKeyService keys) {
        BootstrapAdminKey bootstrap(String configuredKey) {
            return new BootstrapAdminKey(new GatewayProperties(configuredKey, null, null, null, null, null, null, null), keys, repository);
        }
    }
}
