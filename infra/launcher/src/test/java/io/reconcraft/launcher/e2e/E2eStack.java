package io.reconcraft.launcher.e2e;

import io.reconcraft.launcher.stack.LocalStack;
import io.reconcraft.launcher.stack.StackConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import tools.jackson.databind.JsonNode;

/**
 * A whole stack started for one test class: free ports, a temporary home and an admin key of its own; the gateway's
 * API as that admin and the audit service's API. Each class says how its stack is made (mode, console, restart
 * policy) and how long it may take to become ready on a loaded machine.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
final class E2eStack implements AutoCloseable {

    final StackConfig config;
    final LocalStack stack;
    final Api api;

    /** Makes the class's stack from the config and the admin key it is given, without starting it. */
    interface Launch {
        LocalStack create(StackConfig config, String adminKey);
    }

    /** One process per service ({@code ./reconcraft up --processes}), logging to the console. */
    static final Launch PROCESSES = (config, adminKey) -> new LocalStack(config, adminKey, console());
    /** Every service in one JVM, as {@code ./reconcraft up} starts them by default, logging to the console. */
    static final Launch SINGLE_JVM =
            (config, adminKey) -> new LocalStack(config, adminKey, console(), LocalStack.Mode.SINGLE_JVM);

    static E2eStack start(Path home, Duration readinessTimeout, Launch launch) {
        String adminKey = "rc_e2e_" + UUID.randomUUID().toString().replace("-", "");
        Path repo = StackConfig.findRepo(Path.of("").toAbsolutePath()).orElseThrow();
        StackConfig config = StackConfig.withFreePorts(home, repo).withReadinessTimeout(readinessTimeout);
        LocalStack stack = launch.create(config, adminKey);
        try {
            stack.start();
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
        return new E2eStack(config, stack, new Api("http://127.0.0.1:" + config.ports().gateway() + "/api", adminKey));
    }

    /** The audit service's own API (its credential is in the stack's home once the stack has started). */
    Api audit() {
        return Api.auditOf(config);
    }

    /** The status of the run's step for {@code nodeId}, or "" while the run has no such step yet. */
    String stepStatus(String runId, String nodeId) {
        for (JsonNode step : api.get("/runs/" + runId).expect(200).json().get("steps")) {
            if (step.get("nodeId").asString().equals(nodeId)) {
                return step.get("status").asString();
            }
        }
        return "";
    }

    private static PrintStream console() {
        return new PrintStream(System.out, true);
    }

    @Override
    public void close() {
        stack.close();
    }
}
