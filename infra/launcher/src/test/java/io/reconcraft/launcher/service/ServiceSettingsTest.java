package io.reconcraft.launcher.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.launcher.stack.ServiceName;
import io.reconcraft.launcher.stack.StackConfig;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What each service of the local stack is started with, in one JVM or in its own: loopback only, and the audit's secrets. */
class ServiceSettingsTest {

    @TempDir
    Path home;

    private StackConfig config() {
        return StackConfig.withFreePorts(home, home);
    }

    private Map<String, String> settingsOf(ServiceName service, StackConfig config) {
        return ServiceSettings.properties(service, config, "rc_admin");
    }

    @Test
    void givenAnyService_whenStarted_thenItBindsLoopbackOnly_onItsOwnPort() {
        StackConfig config = config();
        for (ServiceName service : ServiceName.values()) {
            assertThat(settingsOf(service, config)).as(service.id())
                    .containsEntry("server.address", "127.0.0.1")
                    .containsEntry("server.port", String.valueOf(config.ports().of(service)));
        }
    }

    @Test
    void givenTheAuditAndTheGateway_whenStarted_thenTheyShareOneGeneratedServiceCredential_andOnlyTheAuditGetsTheChainKey() {
        StackConfig config = config();
        Map<String, String> audit = settingsOf(ServiceName.AUDIT, config);
        Map<String, String> gateway = settingsOf(ServiceName.API_GATEWAY, config);

        assertThat(audit.get("reconcraft.audit.api-token")).startsWith("rc_")
                .isEqualTo(gateway.get("reconcraft.gateway.audit-api-token"));
        assertThat(audit.get("reconcraft.audit.chain-key")).startsWith("rc_")
                .isNotEqualTo(audit.get("reconcraft.audit.api-token"));
        assertThat(gateway).doesNotContainKey("reconcraft.audit.chain-key");
        Map<String, String> restarted = settingsOf(ServiceName.AUDIT, config); // kept in the data folder across restarts
        assertThat(restarted.get("reconcraft.audit.chain-key")).isEqualTo(audit.get("reconcraft.audit.chain-key"));
        assertThat(restarted.get("reconcraft.audit.api-token")).isEqualTo(audit.get("reconcraft.audit.api-token"));
        assertThat(home.resolve("audit-chain-key")).exists();
    }

    @Test
    void givenAServiceInItsOwnJvm_whenStarted_thenItGetsExactlyTheInProcessSettings_throughItsEnvironmentNotItsArguments() {
        StackConfig config = config();
        for (ServiceName service : ServiceName.values()) {
            Map<String, String> environment =
                    new ServiceProcess(service, config, "rc_admin", HttpClient.newHttpClient()).environment();

            Map<String, String> passed = JsonMapper.builder().build()
                    .readValue(environment.get(ServiceProcess.SETTINGS_VARIABLE), new TypeReference<Map<String, String>>() { });
            assertThat(passed).as(service.id()).isEqualTo(settingsOf(service, config));
        }
    }
}
