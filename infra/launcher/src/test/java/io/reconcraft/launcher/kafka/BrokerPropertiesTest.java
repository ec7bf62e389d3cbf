package io.reconcraft.launcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BrokerPropertiesTest {

    @Test
    void givenTwoCores_whenTheBrokerIsConfigured_thenItHasTwoRequestHandlersAndOneNetworkThread() {
        assertThat(BrokerProperties.requestThreads(2))
                .containsEntry("num.io.threads", "2")
                .containsEntry("num.network.threads", "1");
    }

    @Test
    void givenOneCore_whenTheBrokerIsConfigured_thenItStillHasTwoRequestHandlers() {
        assertThat(BrokerProperties.requestThreads(1))
                .containsEntry("num.io.threads", "2")
                .containsEntry("num.network.threads", "1");
    }

    @Test
    void givenAMachineOfManyCores_whenTheBrokerIsConfigured_thenItKeepsKafkasDefaults() {
        assertThat(BrokerProperties.requestThreads(32))
                .containsEntry("num.io.threads", "8")
                .containsEntry("num.network.threads", "3");
    }
}
