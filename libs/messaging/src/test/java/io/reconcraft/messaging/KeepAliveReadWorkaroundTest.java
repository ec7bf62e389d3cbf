package io.reconcraft.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;

/** Every service is a Spring application with this library: starting one turns the keep-alive switch on first. */
class KeepAliveReadWorkaroundTest {

    private String before;

    @BeforeEach
    void clearTheSwitch() {
        before = System.getProperty(KeepAliveReadWorkaround.PROPERTY);
        System.clearProperty(KeepAliveReadWorkaround.PROPERTY);
    }

    @AfterEach
    void restoreTheSwitch() {
        if (before == null) {
            System.clearProperty(KeepAliveReadWorkaround.PROPERTY);
        } else {
            System.setProperty(KeepAliveReadWorkaround.PROPERTY, before);
        }
    }

    @Test
    void givenNoSetting_whenAnApplicationStarts_thenTheSwitchIsOn() {
        try (var context = new SpringApplicationBuilder(NoBeans.class).web(WebApplicationType.NONE).run()) {
            assertThat(System.getProperty(KeepAliveReadWorkaround.PROPERTY)).isEqualTo("true");
        }
    }

    @Test
    void givenAnExplicitSetting_whenAnApplicationStarts_thenItIsKept() {
        System.setProperty(KeepAliveReadWorkaround.PROPERTY, "false");

        try (var context = new SpringApplicationBuilder(NoBeans.class).web(WebApplicationType.NONE).run()) {
            assertThat(System.getProperty(KeepAliveReadWorkaround.PROPERTY)).isEqualTo("false");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class NoBeans {
    }
}
