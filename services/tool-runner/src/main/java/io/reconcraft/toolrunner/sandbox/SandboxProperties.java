package io.reconcraft.toolrunner.sandbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.unit.DataSize;

/**
 * How live tools are sandboxed.
 *
 * @param dockerHost     the Docker Engine API (podman's compatible service here), e.g. {@code unix:///run/reconcraft-podman.sock}
 * @param images         the image each tool runs in
 * @param networks       the network mode each tool's container gets
 * @param limits         resource limits of every tool container
 * @param defaultTimeout how long a step may run when its request names no timeout
 * @param outputLimit    the most a tool may write to stdout (its machine-readable result)
 * @param logLineLimit   the most log lines one step sends; later lines are counted, not sent
 * @param engineTimeout  how long a single (non-streaming) engine call may take
 * @param logOutputLimit the most a tool may write to stderr (its log); past it the container is
 *                       stopped and the step fails, so a tool writing without end cannot fill the
 *                       engine's log file
 * @param cloneWorkspace the size of the writable {@code /workspace} a repository is cloned into
 *                       (gitleaks): a tmpfs, so its pages count against the container's memory, which
 *                       grows by this much; a larger repository fails its step, never the host
 */
@ConfigurationProperties("reconcraft.toolrunner")
public record SandboxProperties(String dockerHost, Images images, Networks networks, Limits limits,
                                Duration defaultTimeout, DataSize outputLimit, Integer logLineLimit,
                                Duration engineTimeout, DataSize logOutputLimit, DataSize cloneWorkspace) {

    public static final String DEFAULT_DOCKER_HOST = "unix:///run/reconcraft-podman.sock";

    @ConstructorBinding
    public SandboxProperties {
        dockerHost = dockerHost == null || dockerHost.isBlank() ? DEFAULT_DOCKER_HOST : dockerHost.trim();
        images = images == null ? new Images(null, null) : images;
        networks = networks == null ? new Networks(null, null) : networks;
        limits = limits == null ? new Limits(null, null, null, null) : limits;
        defaultTimeout = positiveOr(defaultTimeout, Duration.ofMinutes(5));
        outputLimit = outputLimit == null || outputLimit.toBytes() < 1 ? DataSize.ofMegabytes(16) : outputLimit;
        logLineLimit = logLineLimit == null || logLineLimit < 1 ? 2000 : logLineLimit;
        engineTimeout = positiveOr(engineTimeout, Duration.ofSeconds(30));
        logOutputLimit = positiveOr(logOutputLimit, DataSize.ofMegabytes(8));
        cloneWorkspace = positiveOr(cloneWorkspace, DataSize.ofMegabytes(512));
    }

    public SandboxProperties(String dockerHost, Images images, Networks networks, Limits limits,
                             Duration defaultTimeout, DataSize outputLimit, Integer logLineLimit,
                             Duration engineTimeout) {
        this(dockerHost, images, networks, limits, defaultTimeout, outputLimit, logLineLimit, engineTimeout, null, null);
    }

    /** Images built locally by infra/tools/&lt;tool&gt;/build-local.sh; production points these at its registry. */
    public record Images(String nmap, String gitleaks) {

        public Images {
            nmap = blankOr(nmap, "localhost/reconcraft/nmap:local");
            gitleaks = blankOr(gitleaks, "localhost/reconcraft/gitleaks:local");
        }
    }

    /**
     * Network mode per tool. nmap defaults to {@code host} so that loopback targets (the only ones
     * the build machines may scan) are reachable; a deployment gives it a dedicated egress network.
     */
    public record Networks(String nmap, String gitleaks) {

        public Networks {
            nmap = blankOr(nmap, "host");
            gitleaks = blankOr(gitleaks, "bridge");
        }
    }

    /**
     * @param memory    memory limit (swap is not granted on top of it)
     * @param cpus      CPU share, e.g. 1.0 for one core
     * @param pids      the most processes and threads a tool may have
     * @param tmpfsSize size of the writable, non-executable {@code /tmp}
     */
    public record Limits(DataSize memory, Double cpus, Long pids, DataSize tmpfsSize) {

        public Limits {
            memory = memory == null || memory.toBytes() < 4 * 1024 * 1024 ? DataSize.ofMegabytes(256) : memory;
            cpus = cpus == null || cpus <= 0 ? 1.0 : cpus;
            pids = pids == null || pids < 1 ? 64L : pids;
            tmpfsSize = tmpfsSize == null || tmpfsSize.toBytes() < 1 ? DataSize.ofMegabytes(16) : tmpfsSize;
        }
    }

    private static Duration positiveOr(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }

    private static DataSize positiveOr(DataSize value, DataSize fallback) {
        return value == null || value.toBytes() < 1 ? fallback : value;
    }

    private static String blankOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
