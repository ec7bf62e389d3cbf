package io.reconcraft.toolrunner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class HardenedHostConfigTest {

    private static final SandboxProperties.Limits LIMITS = new SandboxProperties.Limits(DataSize.ofMegabytes(128), 0.5, 32L,
            DataSize.ofMegabytes(8));

    private static SandboxInvocation invocation(boolean rawSockets) {
        return new SandboxInvocation("nmap", "img", List.of("-sT"), "host", rawSockets, Duration.ofSeconds(5), "run-1",
                "run-1:nmap-1");
    }

    @Test
    void givenAnyRun_whenConfigured_thenEveryHardeningSettingIsSet() {
        HostConfig config = HardenedHostConfig.of(invocation(false), LIMITS);

        assertThat(config.getReadonlyRootfs()).isTrue();
        assertThat(config.getTmpFs()).containsEntry("/tmp", "rw,noexec,nosuid,nodev,size=" + (8 * 1024 * 1024));
        assertThat(config.getCapDrop()).containsExactly(Capability.ALL);
        assertThat(config.getSecurityOpts()).containsExactly("no-new-privileges");
        assertThat(config.getPrivileged()).isFalse();
        assertThat(config.getMemory()).isEqualTo(128L * 1024 * 1024);
        assertThat(config.getMemorySwap()).isEqualTo(128L * 1024 * 1024);
        assertThat(config.getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(config.getPidsLimit()).isEqualTo(32L);
        assertThat(config.getNetworkMode()).isEqualTo("host");
        assertThat(config.getUlimits()).extracting(u -> u.getName() + "=" + u.getSoftLong() + ":" + u.getHardLong())
                .containsExactlyInAnyOrder("nofile=4096:4096", "nproc=4096:4096");
    }

    @Test
    void givenARunWithoutRawSockets_whenConfigured_thenNoCapabilityIsAdded() {
        assertThat(HardenedHostConfig.of(invocation(false), LIMITS).getCapAdd()).isNullOrEmpty();
    }

    @Test
    void givenARunThatNeedsRawSockets_whenConfigured_thenExactlyNetRawIsAdded() {
        assertThat(HardenedHostConfig.of(invocation(true), LIMITS).getCapAdd()).containsExactly(Capability.NET_RAW);
    }

    @Test
    void givenARunWithoutAWorkspace_whenConfigured_thenOnlyTmpIsWritable() {
        assertThat(HardenedHostConfig.of(invocation(false), LIMITS).getTmpFs()).containsOnlyKeys("/tmp");
    }

    @Test
    void givenARunWithAWorkspace_whenConfigured_thenItIsASizedTmpfsAndTheMemoryLimitGrowsByIt() {
        SandboxInvocation clone = new SandboxInvocation("gitleaks", "img", List.of(), "bridge", false, Duration.ofSeconds(5),
                "run-1", "run-1:gitleaks-1", DataSize.ofMegabytes(512));

        HostConfig config = HardenedHostConfig.of(clone, LIMITS);

        assertThat(config.getTmpFs()).containsEntry("/workspace", "rw,noexec,nosuid,nodev,size=" + (512L * 1024 * 1024))
                .containsEntry("/tmp", "rw,noexec,nosuid,nodev,size=" + (8 * 1024 * 1024));
        assertThat(config.getMemory()).isEqualTo((128L + 512) * 1024 * 1024);
        assertThat(config.getMemorySwap()).isEqualTo(config.getMemory());
        assertThat(config.getReadonlyRootfs()).isTrue();
    }
}
