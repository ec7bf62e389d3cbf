package io.reconcraft.launcher.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.launcher.stack.ServiceName;
import io.reconcraft.launcher.stack.StackConfig;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each service of the local stack is started with: loopback only, and the audit's secrets. */
class ServiceProcessEnvironmentTest {

    @TempDir
    Path home;

    private Map<String, String> environmentOf(ServiceName service) {
        StackConfig config = StackConfig.withFreePorts(home, home);
        return new ServiceProcess(service, config, "rc_admin", HttpClient.newHttpClient()).environment();
    }

    @Test
    void givenAnyService_whenStarted_thenItBindsLoopbackOnly() {
        for (ServiceName service : ServiceName.values()) {
            assertThat(environmentOf(service)).as(service.id()).containsEntry("SERVER_ADDRESS", "127.0.0.1");
        }
    }

    @Test
    void givenTheAuditAndTheGateway_whenStarted_thenTheyShareOneGeneratedServiceCredential_andOnlyTheAuditGetsTheChainKey() {
        Map<String, String> audit = environmentOf(ServiceName.AUDIT);
        Map<String, String> gateway = environmentOf(ServiceName.API_GATEWAY);

        assertThat(audit.get(ServiceProcess.AUDIT_API_TOKEN)).startsWith("rc_")
                .isEqualTo(gateway.get(ServiceProcess.AUDIT_API_TOKEN));
        assertThat(audit.get(ServiceProcess.AUDIT_CHAIN_KEY)).startsWith("rc_")
                .isNotEqualTo(audit.get(ServiceProcess.AUDIT_API_TOKEN));
        assertThat(gateway).doesNotContainKey(ServiceProcess.AUDIT_CHAIN_KEY);
        Map<String, String> restarted = environmentOf(ServiceName.AUDIT); // kept in the data folder across restarts
        assertThat(restarted.get(ServiceProcess.AUDIT_CHAIN_KEY)).isEqualTo(audit.get(ServiceProcess.AUDIT_CHAIN_KEY));
        assertThat(restarted.get(ServiceProcess.AUDIT_API_TOKEN)).isEqualTo(audit.get(ServiceProcess.AUDIT_API_TOKEN));
        assertThat(home.resolve("audit-chain-key")).exists();
    }
}
