package io.reconcraft.toolrunner.sandbox;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ulimit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The locked-down host configuration every tool container gets. */
final class HardenedHostConfig {

    static final String USER = "65534:65534";
    static final String WORKSPACE = "/workspace";
    private static final String TMPFS_OPTIONS = "rw,noexec,nosuid,nodev,size=";
    static final long FILE_AND_PROCESS_ULIMIT = 4096;

    private HardenedHostConfig() {
    }

    static HostConfig of(SandboxInvocation invocation, SandboxProperties.Limits limits) {
        Map<String, String> tmpfs = new LinkedHashMap<>();
        tmpfs.put("/tmp", TMPFS_OPTIONS + limits.tmpfsSize().toBytes());
        long memory = limits.memory().toBytes();
        if (invocation.workspace() != null) {
            // A size-limited tmpfs: a volume's size option needs XFS project quota, which the engine's
            // storage may not have. tmpfs pages count against the container's memory (verified on
            // podman: a full workspace inside too small a limit is killed), so the limit grows by it.
            long workspace = invocation.workspace().toBytes();
            tmpfs.put(WORKSPACE, TMPFS_OPTIONS + workspace);
            memory += workspace;
        }
        HostConfig config = HostConfig.newHostConfig()
                .withReadonlyRootfs(true)
                .withTmpFs(tmpfs)
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withPrivileged(false)
                .withMemory(memory)
                .withMemorySwap(memory)
                .withNanoCPUs(Math.round(limits.cpus() * 1_000_000_000L))
                .withPidsLimit(limits.pids())
                // Set here and not left to the engine: the machines' hard limit is below podman's default.
                .withUlimits(List.of(new Ulimit("nofile", FILE_AND_PROCESS_ULIMIT, FILE_AND_PROCESS_ULIMIT),
                        new Ulimit("nproc", FILE_AND_PROCESS_ULIMIT, FILE_AND_PROCESS_ULIMIT)))
                .withNetworkMode(invocation.networkMode())
                .withAutoRemove(false);
        // Raw sockets (UDP/SYN scans, OS detection) get exactly NET_RAW and nothing else; every
        // other run keeps no capability at all. The engine makes it effective for the non-root user.
        if (invocation.rawSockets()) {
            config.withCapAdd(Capability.NET_RAW);
        }
        return config;
    }
}
