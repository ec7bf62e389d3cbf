package io.reconcraft.toolrunner.sandbox;

import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.reconcraft.toolrunner.metrics.SandboxMetrics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Runs one tool invocation in a hardened container: create, start, follow its output while it
 * runs, wait for it within the step's timeout (killing it when the time is up), and always
 * remove it afterwards. Anything but a run that ended by itself is a {@link SandboxException}.
 * Interrupting the calling thread cancels the run: the container is killed and removed, and the
 * interrupt is restored once it is gone.
 */
@Component
@RequiredArgsConstructor
public class ContainerSandbox {

    private static final Logger log = LoggerFactory.getLogger(ContainerSandbox.class);
    private static final Duration OUTPUT_DRAIN = Duration.ofSeconds(10);
    static final int KILLED_EXIT_CODE = 137;

    private final DockerEngine engine;
    private final SandboxProperties properties;
    private final ContainerLabels labels;
    private SandboxMetrics metrics;

    @Autowired(required = false)
    void setMetrics(SandboxMetrics metrics) {
        this.metrics = metrics;
    }

    /** Runs the tool; {@code logLines} receives its stderr lines while it runs (on another thread). */
    public SandboxRun run(SandboxInvocation invocation, Consumer<String> logLines) {
        engine.requireReachable();
        long creating = System.nanoTime();
        String containerId = create(invocation);
        ContainerOutput output = new ContainerOutput(properties.outputLimit().toBytes(),
                properties.logOutputLimit().toBytes(), properties.logLineLimit(), logLines, () -> kill(containerId));
        boolean cancelled = false;
        try {
            start(containerId, invocation, output);
            recordStart(invocation, creating);
            int exitCode = awaitExit(containerId, invocation);
            awaitDrained(output);
            output.finish();
            return resultOf(invocation, exitCode, output);
        } catch (SandboxException e) {
            cancelled = SandboxException.CANCELLED.equals(e.outcome());
            throw e;
        } finally {
            output.finish();
            closeQuietly(output);
            remove(containerId);
            if (cancelled) {
                // restored only now: the engine calls that kill and remove the container must not see it
                Thread.currentThread().interrupt();
            }
        }
    }

    private void recordStart(SandboxInvocation invocation, long creating) {
        if (metrics != null) {
            metrics.containerStarted(invocation.tool(), Duration.ofNanos(System.nanoTime() - creating));
        }
    }

    private String create(SandboxInvocation invocation) {
        try {
            CreateContainerResponse created = engine.control().createContainerCmd(invocation.image())
                    .withCmd(invocation.arguments())
                    .withUser(HardenedHostConfig.USER)
                    .withLabels(labels.forRun(invocation))
                    .withNetworkDisabled(false)
                    .withAttachStdin(false)
                    .withStdinOpen(false)
                    .withTty(false)
                    .withHostConfig(HardenedHostConfig.of(invocation, properties.limits()))
                    .exec();
            return created.getId();
        } catch (NotFoundException e) {
            throw new SandboxException(SandboxException.UNAVAILABLE, "the " + invocation.tool() + " image "
                    + invocation.image() + " is not available on the container engine", e);
        } catch (RuntimeException e) {
            throw new SandboxException(SandboxException.UNAVAILABLE, "the " + invocation.tool()
                    + " container could not be created (" + DockerEngine.describe(e) + ")", e);
        }
    }

    private void start(String containerId, SandboxInvocation invocation, ContainerOutput output) {
        try {
            engine.control().startContainerCmd(containerId).exec();
            // Followed from the start of the log: nothing the tool wrote before this call is lost.
            engine.streams().logContainerCmd(containerId)
                    .withStdOut(true).withStdErr(true).withFollowStream(true).exec(output);
        } catch (RuntimeException e) {
            throw new SandboxException(SandboxException.UNAVAILABLE, "the " + invocation.tool()
                    + " container could not be started (" + DockerEngine.describe(e) + ")", e);
        }
    }

    private int awaitExit(String containerId, SandboxInvocation invocation) {
        WaitContainerResultCallback wait = engine.streams().waitContainerCmd(containerId)
                .exec(new WaitContainerResultCallback());
        try {
            if (!wait.awaitCompletion(invocation.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                kill(containerId);
                throw new SandboxException(SandboxException.TIMEOUT, "timeout after " + seconds(invocation.timeout()));
            }
            return wait.awaitStatusCode();
        } catch (InterruptedException e) {
            // The step was cancelled (its thread interrupted): the container is killed, then removed by run().
            kill(containerId);
            throw new SandboxException(SandboxException.CANCELLED, "cancelled while " + invocation.tool() + " ran", e);
        } finally {
            closeQuietly(wait);
        }
    }

    private SandboxRun resultOf(SandboxInvocation invocation, int exitCode, ContainerOutput output) {
        // before the exit code: a container stopped for writing too much also ends with 137
        if (output.stderrOverflowed()) {
            throw new SandboxException(SandboxException.OUTPUT_LIMIT, invocation.tool() + " wrote more than "
                    + megabytes(properties.logOutputLimit()) + " to its log; it was stopped");
        }
        if (output.stdoutOverflowed()) {
            throw new SandboxException(SandboxException.OUTPUT_LIMIT, invocation.tool() + " wrote more than "
                    + megabytes(properties.outputLimit()) + " of output; it was stopped");
        }
        if (exitCode == KILLED_EXIT_CODE) {
            // podman on cgroup v1 does not set OOMKilled; the exit code is all there is.
            throw new SandboxException(SandboxException.RESOURCE_LIMIT,
                    "killed: out of memory or limit (exit " + KILLED_EXIT_CODE + ")");
        }
        return new SandboxRun(exitCode, output.stdout(), output.lastLine());
    }

    private static void awaitDrained(ContainerOutput output) {
        try {
            output.awaitCompletion(OUTPUT_DRAIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            throw new SandboxException(SandboxException.CANCELLED, "cancelled while its output was read", e);
        }
    }

    private void kill(String containerId) {
        try {
            engine.control().killContainerCmd(containerId).withSignal("KILL").exec();
        } catch (RuntimeException e) {
            log.debug("container {} could not be killed (it may have ended): {}", containerId, DockerEngine.describe(e));
        }
    }

    private void remove(String containerId) {
        try {
            engine.control().removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            log.debug("container {} was already removed", containerId);
        } catch (RuntimeException e) {
            log.warn("container {} could not be removed; the next start-up removes it: {}", containerId,
                    DockerEngine.describe(e));
        }
    }

    /** "16 MB" for whole megabytes (every default), the exact bytes otherwise. */
    public static String megabytes(DataSize size) {
        long bytes = size.toBytes();
        return bytes % (1024 * 1024) == 0 ? (bytes / (1024 * 1024)) + " MB" : bytes + " bytes";
    }

    private static String seconds(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + "s" : String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.debug("closing an engine stream failed: {}", e.toString());
        }
    }
}
