package io.reconcraft.toolrunner.sandbox;

import io.reconcraft.toolrunner.config.ToolRunnerProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Sandboxes for tests: one on the engine at DOCKER_HOST (the podman service that
 * infra/podman/setup.sh starts), and one pointing at no engine at all.
 */
public final class Sandboxes {

    public static final String NO_ENGINE = "unix:///nonexistent/reconcraft-test/podman.sock";
    public static final String NMAP_IMAGE = "localhost/reconcraft/nmap:local";
    public static final String TESTBOX_IMAGE = "localhost/reconcraft/testbox:local";
    public static final String GITLEAKS_FAKE_IMAGE = "localhost/reconcraft/gitleaks-fake:local";
    /** scan-repo.sh with git in front of the stand-in (infra/tools/gitleaks/build-clone-test.sh). */
    public static final String GITLEAKS_CLONE_TEST_IMAGE = "localhost/reconcraft/gitleaks-clone-test:local";

    private Sandboxes() {
    }

    public static String dockerHost() {
        String host = System.getenv("DOCKER_HOST");
        return host == null || host.isBlank() ? SandboxProperties.DEFAULT_DOCKER_HOST : host;
    }

    public static SandboxProperties properties(String dockerHost) {
        return new SandboxProperties(dockerHost, null, null, null, Duration.ofMinutes(1), null, null, null);
    }

    public static ContainerSandbox unreachable() {
        SandboxProperties properties = properties(NO_ENGINE);
        return new ContainerSandbox(new DockerEngine(properties), properties, labels("test-runner"));
    }

    public static ContainerLabels labels(String worker) {
        return new ContainerLabels(new ToolRunnerProperties(worker, null, null));
    }

    /**
     * The engine at DOCKER_HOST, or the test is skipped when none answers. With
     * RECONCRAFT_SANDBOX_REQUIRED=true (CI) a missing engine fails the test instead, so that a broken
     * setup cannot pass as skipped. An engine without the locally built images is always a failure.
     */
    public static DockerEngine requireEngine() {
        DockerEngine engine = new DockerEngine(properties(dockerHost()));
        boolean reachable = engine.reachable();
        if (!reachable) {
            close(engine);
        }
        String reason = "no container engine answers at " + dockerHost() + " (run infra/podman/setup.sh)";
        if ("true".equalsIgnoreCase(System.getenv("RECONCRAFT_SANDBOX_REQUIRED"))) {
            if (!reachable) {
                throw new AssertionError(reason);
            }
        } else {
            Assumptions.assumeTrue(reachable, reason);
        }
        for (String image : new String[] {NMAP_IMAGE, TESTBOX_IMAGE, GITLEAKS_FAKE_IMAGE, GITLEAKS_CLONE_TEST_IMAGE}) {
            try {
                engine.control().inspectImageCmd(image).exec();
            } catch (RuntimeException e) {
                throw new AssertionError("image " + image + " is missing: run infra/podman/setup.sh", e);
            }
        }
        return engine;
    }

    public static Map<String, String> labelFilter(String stepId) {
        return Map.of(ContainerLabels.STEP_ID, stepId);
    }

    public static void close(DockerEngine engine) {
        try {
            engine.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
