package io.reconcraft.toolrunner.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The Docker Engine API at {@code reconcraft.toolrunner.docker-host}. Two clients: one for short
 * calls, bounded by the engine timeout, and one without a read timeout for the calls that stay
 * open while a tool runs (following its logs, waiting for its exit).
 */
@Component
public class DockerEngine implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final String host;
    private final DockerClient control;
    private final DockerClient streams;

    public DockerEngine(SandboxProperties properties) {
        this.host = properties.dockerHost();
        this.control = client(host, properties.engineTimeout());
        this.streams = client(host, null);
    }

    private static DockerClient client(String host, Duration responseTimeout) {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
        ZerodepDockerHttpClient.Builder http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .maxConnections(64)
                .connectionTimeout(CONNECT_TIMEOUT);
        if (responseTimeout != null) {
            http.responseTimeout(responseTimeout);
        }
        return DockerClientImpl.getInstance(config, http.build());
    }

    public String host() {
        return host;
    }

    /** For create, start, kill, inspect, remove, list. */
    public DockerClient control() {
        return control;
    }

    /** For log following and waiting, which last as long as the tool runs. */
    public DockerClient streams() {
        return streams;
    }

    /** Throws {@link SandboxException} with outcome {@code sandbox_unavailable} when the engine does not answer. */
    public void requireReachable() {
        try {
            control.pingCmd().exec();
        } catch (RuntimeException e) {
            throw new SandboxException(SandboxException.UNAVAILABLE,
                    "the container engine at " + host + " is not reachable (" + describe(e) + ")", e);
        }
    }

    public boolean reachable() {
        try {
            requireReachable();
            return true;
        } catch (SandboxException e) {
            return false;
        }
    }

    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    @Override
    public void close() throws IOException {
        control.close();
        streams.close();
    }
}
