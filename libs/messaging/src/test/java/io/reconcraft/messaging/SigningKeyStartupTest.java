package io.reconcraft.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.EventSignature;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SigningKeyStartupTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MessagingAutoConfiguration.class, KafkaAutoConfiguration.class))
            .withPropertyValues("reconcraft.kafka.create-topics=false");

    @Test
    void givenNoSigningKey_whenAServiceStarts_thenItRefusesNamingTheVariable() {
        context.run(started -> assertThat(started).hasFailed().getFailure()
                .rootCause().hasMessageContaining("RECONCRAFT_EVENT_SIGNING_KEY"));
    }

    @Test
    void givenAShortSigningKey_whenAServiceStarts_thenItRefuses() {
        context.withPropertyValues("reconcraft.messaging.signing-key=short")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("at least 32"));
    }

    @Test
    void givenTheDevFlagAndNoKey_whenAServiceStarts_thenItStartsWithThePublicDevKey() {
        context.withPropertyValues("reconcraft.messaging.dev-mode=true")
                .run(started -> assertThat(started).hasNotFailed().hasSingleBean(EventSignature.class));
    }

    @Test
    void givenAKeyInTheProperty_whenAServiceStarts_thenItSignsWithIt() {
        context.withPropertyValues("reconcraft.messaging.signing-key=" + "s".repeat(40))
                .run(started -> assertThat(started.getBean(EventSignature.class).sign("t", new byte[0]))
                        .isEqualTo(EventSignature.of("s".repeat(40)).sign("t", new byte[0])));
    }
}
