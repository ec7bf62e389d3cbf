package io.reconcraft.testing;

import io.reconcraft.events.EventSignature;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The fixed event signing key of every test JVM: registered as the lowest-priority default of every Spring
 * application started in a test that has this module on its class path, and used by {@link EventTap} to
 * publish as a genuine service would. A test may still set its own key.
 */
public final class TestSigningKey implements EnvironmentPostProcessor {

    public static final String VALUE = "reconcraft-test-signing-key-0123456789abcdef";
    public static final EventSignature SIGNATURE = EventSignature.of(VALUE);

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("reconcraft-test-signing-key",
                Map.of("reconcraft.messaging.signing-key", VALUE)));
    }
}
